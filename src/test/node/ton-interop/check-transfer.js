// Decodes LabelMint's signed USDT payouts with the TON JS SDK and prints what it finds as JSON, for
// TonInteropTest to compare with what the Java side meant to send. Input: a JSON file
// {"publicKey": "<hex>", "transfers": ["<base64 BoC>", ...]}; output: {"wallets": {...}, "transfers": [...]}.
'use strict';

const fs = require('fs');
const { Cell, beginCell, loadMessage, loadOutList, storeMessage } = require('@ton/core');
const { signVerify } = require('@ton/crypto');
const { WalletContractV5R1 } = require('@ton/ton');

const SIGNED_EXTERNAL = 0x7369676e;
const JETTON_TRANSFER = 0x0f8a7ea5;

function walletAddress(publicKey, networkGlobalId) {
  return WalletContractV5R1.create({ workchain: 0, publicKey, walletId: { networkGlobalId } }).address;
}

/** The signed request is everything but the last 512 bits; the wallet checks the signature over its hash. */
function verifySignature(body, publicKey) {
  const bits = body.bits;
  const signedPart = beginCell().storeBits(bits.substring(0, bits.length - 512));
  for (const ref of body.refs) signedPart.storeRef(ref);
  const signature = bits.substring(bits.length - 512, 512);
  const signatureBytes = beginCell().storeBits(signature).endCell().beginParse().loadBuffer(64);
  return signVerify(signedPart.endCell().hash(), signatureBytes, publicKey);
}

function readComment(payload) {
  if (payload.remainingBits < 32 || payload.loadUint(32) !== 0) return null;
  return payload.loadStringTail();
}

function readJettonTransfer(body) {
  const s = body.beginParse();
  const op = s.loadUint(32);
  if (op !== JETTON_TRANSFER) throw new Error('not a jetton transfer: op ' + op.toString(16));
  const queryId = s.loadUintBig(64);
  const amount = s.loadCoins();
  const destination = s.loadAddress();
  const responseDestination = s.loadAddress();
  const customPayload = s.loadMaybeRef();
  const forwardTonAmount = s.loadCoins();
  const forwardPayload = s.loadBit() ? s.loadRef().beginParse() : s;
  return {
    queryId: queryId.toString(),
    amount: amount.toString(),
    destination: destination.toRawString(),
    responseDestination: responseDestination.toRawString(),
    hasCustomPayload: customPayload !== null,
    forwardTonAmount: forwardTonAmount.toString(),
    comment: readComment(forwardPayload),
  };
}

function readTransfer(boc, publicKey) {
  const root = Cell.fromBase64(boc);
  const message = loadMessage(root.beginParse());
  if (message.info.type !== 'external-in') throw new Error('not an external message: ' + message.info.type);
  const normalized = beginCell()
    .store(storeMessage({ info: { type: 'external-in', src: null, dest: message.info.dest, importFee: 0n }, init: null, body: message.body }, { forceRef: true }))
    .endCell();

  const request = message.body.beginParse();
  const opcode = request.loadUint(32);
  const walletId = request.loadUint(32);
  const validUntil = request.loadUint(32);
  const seqno = request.loadUint(32);
  const outList = request.loadMaybeRef();
  const hasOtherActions = request.loadBit();
  const actions = outList ? loadOutList(outList.beginParse()) : [];
  if (actions.length !== 1 || actions[0].type !== 'sendMsg') throw new Error('expected one send action, got ' + actions.length);
  const out = actions[0].outMsg;
  if (out.info.type !== 'internal') throw new Error('the action sends no internal message');

  return {
    walletAddress: message.info.dest.toRawString(),
    hasStateInit: message.init != null,
    signatureValid: verifySignature(message.body, publicKey),
    normalizedHash: normalized.hash().toString('hex'),
    bodyHash: message.body.hash().toString('base64'),
    opcode: opcode.toString(16),
    walletId: walletId.toString(),
    validUntil,
    seqno,
    hasOtherActions,
    sendMode: actions[0].mode,
    internal: {
      destination: out.info.dest.toRawString(),
      bounce: out.info.bounce,
      value: out.info.value.coins.toString(),
      hasStateInit: out.init != null,
    },
    jettonTransfer: readJettonTransfer(out.body),
  };
}

const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const publicKey = Buffer.from(input.publicKey, 'hex');
console.log(JSON.stringify({
  wallets: {
    mainnet: walletAddress(publicKey, -239).toRawString(),
    testnet: walletAddress(publicKey, -3).toRawString(),
  },
  transfers: input.transfers.map((boc) => readTransfer(boc, publicKey)),
}));
