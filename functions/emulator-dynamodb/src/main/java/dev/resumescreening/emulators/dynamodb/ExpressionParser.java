package dev.resumescreening.emulators.dynamodb;

import dev.resumescreening.emulators.dynamodb.ExpressionTokenizer.Token;
import dev.resumescreening.emulators.dynamodb.ExpressionTokenizer.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for condition/filter/key-condition, update and projection expressions.
 * Precedence (lowest first): OR, AND, NOT, then comparisons/BETWEEN/IN/functions.
 */
final class ExpressionParser {

    private static final Set<String> COMPARATORS = Set.of("=", "<>", "<", "<=", ">", ">=");

    private final String source;
    private final List<Token> tokens;
    private int position;

    private ExpressionParser(String source) {
        if (source.isBlank()) {
            throw DynamoDbException.validation("Invalid expression: The expression can not be empty;");
        }
        this.source = source;
        this.tokens = ExpressionTokenizer.tokenize(source);
    }

    static Condition parseCondition(String expression) {
        ExpressionParser parser = new ExpressionParser(expression);
        Condition condition = parser.parseOr();
        parser.expectEnd();
        return condition;
    }

    static List<DocumentPath> parseProjection(String expression) {
        ExpressionParser parser = new ExpressionParser(expression);
        List<DocumentPath> paths = new ArrayList<>();
        do {
            paths.add(parser.parsePath());
        } while (parser.acceptSymbol(","));
        parser.expectEnd();
        return paths;
    }

    static UpdateExpression parseUpdate(String expression) {
        ExpressionParser parser = new ExpressionParser(expression);
        List<UpdateExpression.SetAction> sets = new ArrayList<>();
        List<DocumentPath> removes = new ArrayList<>();
        List<UpdateExpression.ValueAction> adds = new ArrayList<>();
        List<UpdateExpression.ValueAction> deletes = new ArrayList<>();
        Set<String> seenClauses = new HashSet<>();
        do {
            Token clause = parser.next();
            String keyword = clause.type() == Type.IDENTIFIER ? clause.text().toUpperCase() : "";
            if (!Set.of("SET", "REMOVE", "ADD", "DELETE").contains(keyword)) {
                throw parser.syntaxError(clause);
            }
            if (!seenClauses.add(keyword)) {
                throw DynamoDbException.validation("Invalid UpdateExpression: The \"" + keyword
                        + "\" section can only be used once in an update expression;");
            }
            do {
                DocumentPath path = parser.parsePath();
                switch (keyword) {
                    case "SET" -> {
                        parser.expectSymbol("=");
                        sets.add(new UpdateExpression.SetAction(path, parser.parseSetValue()));
                    }
                    case "REMOVE" -> removes.add(path);
                    case "ADD" -> adds.add(new UpdateExpression.ValueAction(path, parser.parseValuePlaceholder()));
                    default -> deletes.add(new UpdateExpression.ValueAction(path, parser.parseValuePlaceholder()));
                }
            } while (parser.acceptSymbol(","));
        } while (parser.peek().type() != Type.END);
        return new UpdateExpression(sets, removes, adds, deletes);
    }

    private Condition parseOr() {
        Condition condition = parseAnd();
        while (acceptKeyword("OR")) {
            condition = new Condition.Or(condition, parseAnd());
        }
        return condition;
    }

    private Condition parseAnd() {
        Condition condition = parseNot();
        while (acceptKeyword("AND")) {
            condition = new Condition.And(condition, parseNot());
        }
        return condition;
    }

    private Condition parseNot() {
        if (acceptKeyword("NOT")) {
            return new Condition.Not(parseNot());
        }
        return parsePrimary();
    }

    private Condition parsePrimary() {
        if (acceptSymbol("(")) {
            Condition condition = parseOr();
            expectSymbol(")");
            return condition;
        }
        Token token = peek();
        if (token.type() == Type.IDENTIFIER
                && Condition.Function.NAMES.contains(token.text())
                && tokens.get(position + 1).is("(")) {
            return parseFunction();
        }
        Operand left = parseOperand();
        if (acceptKeyword("BETWEEN")) {
            Operand lower = parseOperand();
            expectKeyword("AND");
            return new Condition.Between(left, lower, parseOperand());
        }
        if (acceptKeyword("IN")) {
            expectSymbol("(");
            List<Operand> candidates = new ArrayList<>();
            do {
                candidates.add(parseOperand());
            } while (acceptSymbol(","));
            expectSymbol(")");
            return new Condition.In(left, candidates);
        }
        Token operator = next();
        if (operator.type() != Type.SYMBOL || !COMPARATORS.contains(operator.text())) {
            throw syntaxError(operator);
        }
        return new Condition.Comparison(operator.text(), left, parseOperand());
    }

    private Condition parseFunction() {
        String name = next().text();
        expectSymbol("(");
        DocumentPath path = parsePath();
        Operand argument = null;
        if (!name.startsWith("attribute_") || name.equals("attribute_type")) {
            expectSymbol(",");
            argument = parseOperand();
        }
        expectSymbol(")");
        return new Condition.Function(name, path, argument);
    }

    private Operand parseOperand() {
        Token token = peek();
        if (token.type() == Type.VALUE_PLACEHOLDER) {
            position++;
            return new Operand.ValueRef(token.text());
        }
        if (token.type() == Type.IDENTIFIER
                && token.text().equals("size")
                && tokens.get(position + 1).is("(")) {
            position += 2;
            DocumentPath path = parsePath();
            expectSymbol(")");
            return new Operand.Size(path);
        }
        return parsePath();
    }

    private Operand parseSetValue() {
        Operand left = parseSetOperand();
        if (acceptSymbol("+")) {
            return new Operand.Arithmetic(left, true, parseSetOperand());
        }
        if (acceptSymbol("-")) {
            return new Operand.Arithmetic(left, false, parseSetOperand());
        }
        return left;
    }

    private Operand parseSetOperand() {
        Token token = peek();
        if (token.type() == Type.IDENTIFIER && tokens.get(position + 1).is("(")) {
            if (token.text().equals("if_not_exists")) {
                position += 2;
                DocumentPath path = parsePath();
                expectSymbol(",");
                Operand fallback = parseSetOperand();
                expectSymbol(")");
                return new Operand.IfNotExists(path, fallback);
            }
            if (token.text().equals("list_append")) {
                position += 2;
                Operand first = parseSetOperand();
                expectSymbol(",");
                Operand second = parseSetOperand();
                expectSymbol(")");
                return new Operand.ListAppend(first, second);
            }
            throw DynamoDbException.validation(
                    "Invalid UpdateExpression: Invalid function name; function: " + token.text());
        }
        if (token.type() == Type.VALUE_PLACEHOLDER) {
            position++;
            return new Operand.ValueRef(token.text());
        }
        return parsePath();
    }

    private Operand parseValuePlaceholder() {
        Token token = next();
        if (token.type() != Type.VALUE_PLACEHOLDER) {
            throw syntaxError(token);
        }
        return new Operand.ValueRef(token.text());
    }

    private DocumentPath parsePath() {
        List<DocumentPath.Element> elements = new ArrayList<>();
        elements.add(new DocumentPath.Element(pathName(next()), 0));
        while (true) {
            if (acceptSymbol(".")) {
                elements.add(new DocumentPath.Element(pathName(next()), 0));
            } else if (acceptSymbol("[")) {
                Token index = next();
                if (index.type() != Type.NUMBER) {
                    throw syntaxError(index);
                }
                expectSymbol("]");
                elements.add(new DocumentPath.Element(null, Integer.parseInt(index.text())));
            } else {
                return new DocumentPath(List.copyOf(elements));
            }
        }
    }

    private String pathName(Token token) {
        if (token.type() != Type.IDENTIFIER && token.type() != Type.NAME_PLACEHOLDER) {
            throw syntaxError(token);
        }
        return token.text();
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token next() {
        Token token = tokens.get(position);
        if (token.type() != Type.END) {
            position++;
        }
        return token;
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().is(symbol)) {
            position++;
            return true;
        }
        return false;
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            position++;
            return true;
        }
        return false;
    }

    private void expectSymbol(String symbol) {
        Token token = next();
        if (!token.is(symbol)) {
            throw syntaxError(token);
        }
    }

    private void expectKeyword(String keyword) {
        Token token = next();
        if (!token.isKeyword(keyword)) {
            throw syntaxError(token);
        }
    }

    private void expectEnd() {
        if (peek().type() != Type.END) {
            throw syntaxError(peek());
        }
    }

    private DynamoDbException syntaxError(Token token) {
        return ExpressionTokenizer.syntaxError(source, token.text(), token.position());
    }
}
