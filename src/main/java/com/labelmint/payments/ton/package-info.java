/**
 * The TON adapter of the payments module: addresses, the hot wallet, USDT (TEP-74 jetton) transfer messages
 * built and signed offline with ton4j, a client of the toncenter v2 HTTP API, and the decoding of the hot
 * wallet's transactions into deposits and payout confirmations.
 *
 * <p>Nothing here touches the database or the ledger: the deposit watcher and the withdrawal sender (elsewhere
 * in the module) call these classes and keep the state. See docs/decisions/ton-adapter.md.
 */
package com.labelmint.payments.ton;
