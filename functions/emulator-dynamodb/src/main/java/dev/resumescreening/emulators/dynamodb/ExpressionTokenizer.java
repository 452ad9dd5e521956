package dev.resumescreening.emulators.dynamodb;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression string into tokens. */
final class ExpressionTokenizer {

    enum Type {
        IDENTIFIER,
        NAME_PLACEHOLDER,
        VALUE_PLACEHOLDER,
        NUMBER,
        SYMBOL,
        END
    }

    record Token(Type type, String text, int position) {
        boolean is(String symbol) {
            return type == Type.SYMBOL && text.equals(symbol);
        }

        boolean isKeyword(String keyword) {
            return type == Type.IDENTIFIER && text.equalsIgnoreCase(keyword);
        }
    }

    private ExpressionTokenizer() {}

    static List<Token> tokenize(String expression) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = expression.length();
        while (i < length) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int end = wordEnd(expression, i + 1);
                tokens.add(new Token(Type.IDENTIFIER, expression.substring(i, end), i));
                i = end;
            } else if (c == '#' || c == ':') {
                int end = wordEnd(expression, i + 1);
                if (end == i + 1) {
                    throw syntaxError(expression, String.valueOf(c), i);
                }
                tokens.add(new Token(
                        c == '#' ? Type.NAME_PLACEHOLDER : Type.VALUE_PLACEHOLDER, expression.substring(i, end), i));
                i = end;
            } else if (c >= '0' && c <= '9') {
                int end = i + 1;
                while (end < length && Character.isDigit(expression.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Type.NUMBER, expression.substring(i, end), i));
                i = end;
            } else {
                String symbol = symbolAt(expression, i);
                if (symbol == null) {
                    throw syntaxError(expression, String.valueOf(c), i);
                }
                tokens.add(new Token(Type.SYMBOL, symbol, i));
                i += symbol.length();
            }
        }
        tokens.add(new Token(Type.END, "<EOF>", length));
        return tokens;
    }

    private static int wordEnd(String expression, int from) {
        int end = from;
        while (end < expression.length()
                && (Character.isLetterOrDigit(expression.charAt(end)) || expression.charAt(end) == '_')) {
            end++;
        }
        return end;
    }

    private static String symbolAt(String expression, int i) {
        if (expression.startsWith("<>", i) || expression.startsWith("<=", i) || expression.startsWith(">=", i)) {
            return expression.substring(i, i + 2);
        }
        char c = expression.charAt(i);
        return "=<>()[],.+-".indexOf(c) >= 0 ? String.valueOf(c) : null;
    }

    static DynamoDbException syntaxError(String expression, String token, int position) {
        return DynamoDbException.validation("Invalid expression: Syntax error; token: \"" + token + "\", near: \""
                + expression.substring(Math.max(0, position - 10), Math.min(expression.length(), position + 10))
                + "\"");
    }
}
