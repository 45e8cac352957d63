package com.labelmint.payments.ton;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * toncenter v2's {@code result} objects read into our records. Tree reading, so the fields toncenter adds over time
 * (and the {@code @type}/{@code @extra} noise) never break us; a field we need that is missing or malformed is a
 * {@link TonApiException.Kind#MALFORMED_RESPONSE}.
 */
final class ToncenterJson {

    private ToncenterJson() {
    }

    static List<TonTransaction> transactions(JsonNode result) {
        requireArray(result, "getTransactions result");
        List<TonTransaction> transactions = new ArrayList<>(result.size());
        for (JsonNode transaction : result) {
            JsonNode inMessage = transaction.path("in_msg");
            List<TonMessage> outMessages = new ArrayList<>();
            for (JsonNode out : transaction.path("out_msgs")) {
                outMessages.add(message(out));
            }
            transactions.add(new TonTransaction(
                    transactionId(transaction.path("transaction_id")),
                    requiredLong(transaction, "utime"),
                    inMessage.isObject() ? Optional.of(message(inMessage)) : Optional.empty(),
                    List.copyOf(outMessages)));
        }
        return List.copyOf(transactions);
    }

    static WalletInformation walletInformation(JsonNode result) {
        JsonNode seqno = result.path("seqno");
        JsonNode lastTransaction = result.path("last_transaction_id");
        return new WalletInformation(
                requiredText(result, "account_state"),
                requiredLong(result, "balance"),
                seqno.canConvertToLong() ? OptionalLong.of(seqno.asLong()) : OptionalLong.empty(),
                lastTransaction.isObject() && !"0".equals(lastTransaction.path("lt").asText("0"))
                        ? Optional.of(transactionId(lastTransaction)) : Optional.empty());
    }

    /**
     * The get-method's stack after checking its exit code. toncenter writes entries as {@code [type, value]}
     * pairs: {@code ["num", "0x2a"]}, {@code ["cell", {"bytes": "<boc>"}]}.
     */
    static JsonNode getMethodStack(JsonNode result, String method) {
        long exitCode = requiredLong(result, "exit_code");
        // 0 and 1 are TVM's two success codes.
        if (exitCode != 0 && exitCode != 1) {
            throw new TonApiException(TonApiException.Kind.REJECTED, 200, method + " exited with code " + exitCode, null, null);
        }
        JsonNode stack = result.path("stack");
        requireArray(stack, method + " stack");
        return stack;
    }

    static String stackCellBoc(JsonNode stack, int index, String method) {
        JsonNode entry = stack.path(index);
        String type = entry.path(0).asText();
        String boc = entry.path(1).path("bytes").asText("");
        if (!("cell".equals(type) || "slice".equals(type)) || boc.isEmpty()) {
            throw malformed(method + " returned " + entry + " where a cell was expected");
        }
        return boc;
    }

    static long stackNumber(JsonNode stack, int index, String method) {
        JsonNode entry = stack.path(index);
        if (!"num".equals(entry.path(0).asText())) {
            throw malformed(method + " returned " + entry + " where a number was expected");
        }
        String hex = entry.path(1).asText();
        boolean negative = hex.startsWith("-");
        String digits = negative ? hex.substring(1) : hex;
        if (!digits.startsWith("0x")) {
            throw malformed(method + " returned the number " + hex + " in an unknown notation");
        }
        long value = Long.parseLong(digits.substring(2), 16);
        return negative ? -value : value;
    }

    private static TonMessage message(JsonNode message) {
        JsonNode data = message.path("msg_data");
        String dataType = data.path("@type").asText();
        Optional<String> body = "msg.dataRaw".equals(dataType) ? nonEmpty(data.path("body").asText("")) : Optional.empty();
        Optional<String> text = "msg.dataText".equals(dataType) ? Optional.of(base64Text(data.path("text").asText(""))) : Optional.empty();
        return new TonMessage(
                message.path("source").asText(""),
                message.path("destination").asText(""),
                requiredLong(message, "value"),
                message.path("body_hash").asText(""),
                body,
                text,
                message.path("created_lt").asLong(0));
    }

    private static String base64Text(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed("a message text is not base64");
        }
    }

    private static TransactionId transactionId(JsonNode id) {
        return new TransactionId(requiredLong(id, "lt"), requiredText(id, "hash"));
    }

    private static Optional<String> nonEmpty(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** toncenter writes 64-bit numbers as strings; both spellings are read. */
    private static long requiredLong(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        try {
            return Long.parseLong(value.asText());
        } catch (NumberFormatException e) {
            throw malformed("field '" + field + "' is not a number: " + value);
        }
    }

    private static String requiredText(JsonNode node, String field) {
        String text = node.path(field).asText("");
        if (text.isEmpty()) {
            throw malformed("field '" + field + "' is missing");
        }
        return text;
    }

    private static void requireArray(JsonNode node, String what) {
        if (!node.isArray()) {
            throw malformed(what + " is not a list");
        }
    }

    static TonApiException malformed(String message) {
        return new TonApiException(TonApiException.Kind.MALFORMED_RESPONSE, 200, "Unexpected TON API answer: " + message, null, null);
    }
}
