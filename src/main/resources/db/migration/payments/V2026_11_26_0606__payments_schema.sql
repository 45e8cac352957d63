COMMENT ON SCHEMA payments IS 'LabelMint payments module: double-entry ledger, escrow, payouts, deposits, withdrawals';
