package dev.lakesetup.examples.architecture;

import com.github.javaparser.JavaParser;
import com.github.javaparser.JavaToken;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Measures a Java source file: its lines of code and the length of each method and constructor.
 *
 * <p>A line of code is a line that holds at least one Java token other than white space and comments, so blank lines,
 * comment lines and Javadoc do not count; a text block counts every line it spans. A method's or constructor's length
 * is its lines of code from its first annotation or modifier to its closing brace, measured the same way.
 *
 * @param file the file measured
 * @param codeLines the file's lines of code
 * @param callables the length of every method and constructor in the file, nested classes included
 */
record SourceMeasure(Path file, int codeLines, List<Callable> callables) {

    /**
     * Holds one method's or constructor's length.
     *
     * @param name the enclosing type and the callable's signature, e.g. {@code UcApi.route(Request)}
     * @param firstLine the line it starts on
     * @param lastLine the line it ends on
     * @param codeLines its lines of code
     */
    record Callable(String name, int firstLine, int lastLine, int codeLines) {
    }

    /**
     * Parses and measures one file.
     *
     * @param file the Java source file
     * @return its measure
     */
    static SourceMeasure of(Path file) {
        CompilationUnit unit = parse(file);
        BitSet code = codeLines(unit);
        List<Callable> callables = new ArrayList<>();
        for (CallableDeclaration<?> callable : unit.findAll(CallableDeclaration.class)) {
            Range range = callable.getRange().orElseThrow();
            String owner = enclosingTypeName(callable);
            int lines = code.get(range.begin.line, range.end.line + 1).cardinality();
            callables.add(new Callable(owner + "." + callable.getDeclarationAsString(false, false, false),
                    range.begin.line, range.end.line, lines));
        }
        return new SourceMeasure(file, code.cardinality(), List.copyOf(callables));
    }

    private static String enclosingTypeName(Node node) {
        for (Node parent = node.getParentNode().orElse(null); parent != null;
                parent = parent.getParentNode().orElse(null)) {
            if (parent instanceof TypeDeclaration<?> type) {
                return type.getNameAsString();
            }
        }
        return "?";
    }

    private static CompilationUnit parse(Path file) {
        ParserConfiguration configuration = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        try {
            ParseResult<CompilationUnit> result = new JavaParser(configuration).parse(file);
            if (!result.isSuccessful() || result.getResult().isEmpty()) {
                throw new IllegalStateException("cannot parse " + file + ": " + result.getProblems());
            }
            return result.getResult().get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The set of line numbers that hold at least one token other than white space and comments. */
    private static BitSet codeLines(CompilationUnit unit) {
        BitSet lines = new BitSet();
        unit.getTokenRange().orElseThrow().forEach(token -> {
            JavaToken.Category category = token.getCategory();
            if (category.isWhitespaceOrComment() || token.getKind() == JavaToken.Kind.EOF.getKind()
                    || token.getRange().isEmpty()) {
                return;
            }
            Range range = token.getRange().get();
            lines.set(range.begin.line, range.end.line + 1);
        });
        return lines;
    }
}
