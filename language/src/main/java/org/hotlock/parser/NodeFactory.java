package org.hotlock.parser;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;
import org.hotlock.nodes.FunctionBodyNode;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.nodes.HLRootNode;
import org.hotlock.nodes.HLStatementNode;
import org.hotlock.nodes.ProgramNode;
import org.hotlock.nodes.controlflow.BlockNode;
import org.hotlock.nodes.expression.ReadFieldNode;
import org.hotlock.nodes.expression.ReadIndexNode;
import org.hotlock.nodes.expression.WriteFieldNodeGen;
import org.hotlock.nodes.expression.WriteIndexNodeGen;
import org.hotlock.nodes.local.ReadArgumentNode;
import org.hotlock.nodes.local.ReadGlobalNode;
import org.hotlock.nodes.local.ReadLocalNode;
import org.hotlock.nodes.local.ReadLocalNodeGen;
import org.hotlock.nodes.local.WriteGlobalNode;
import org.hotlock.nodes.local.WriteLocalNodeGen;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Creates the nodes whose shape depends on where a name is declared (a frame slot or a global),
 * and the root nodes, so that every function's frame is built from its own {@link Scope}. The
 * parsers create all other nodes themselves. The innermost scope is the function being parsed.
 */
final class NodeFactory {
    private final Parser.Language language;
    private final Source source;
    private final Deque<Scope> scopes = new ArrayDeque<>();

    NodeFactory(Parser.Language language, Source source) {
        this.language = language;
        this.source = source;
        scopes.push(new Scope(true));
    }

    private Scope scope() {
        return scopes.peek();
    }

    /** Drops every scope for a fresh top level: parsing resumes there after an error. */
    void resetToTopLevel() {
        scopes.clear();
        scopes.push(new Scope(true));
    }

    /** A function body (a {@code fn}, a thread) has locals of its own, in a frame of its own. */
    void enterFunction() {
        scopes.push(new Scope(false));
    }

    void exitFunction() {
        scopes.pop();
    }

    void enterBlock() {
        scope().enterBlock();
    }

    void exitBlock() {
        scope().exitBlock();
    }

    void enterLoop() {
        scope().loopDepth++;
    }

    void exitLoop() {
        scope().loopDepth--;
    }

    boolean insideLoop() {
        return scope().loopDepth != 0;
    }

    boolean isTopLevel() {
        return scope().isTopLevel();
    }

    /** True at the outermost block of the top level, where {@code var} declares a global. */
    boolean declaresGlobals() {
        return scope().declaresGlobals();
    }

    boolean declaredInCurrentBlock(String name) {
        return scope().declaredInCurrentBlock(name);
    }

    /** A new local in the current block; its frame slot. */
    int declareLocal(String name) {
        return scope().declare(name);
    }

    /** A name used as a value: the innermost local of that name, or else the global. */
    HLExpressionNode createRead(Token name) {
        Integer slot = scope().lookup(name.text());
        if (slot != null) {
            return ReadLocalNodeGen.create(slot, name.text());
        }
        return new ReadGlobalNode(name.text(), language.globalIndex().applyAsInt(name.text()));
    }

    /** Copies the argument at {@code index} into a new local named after the parameter. */
    HLExpressionNode createParameter(Token parameter, int index) {
        int slot = scope().declare(parameter.text());
        HLExpressionNode write = WriteLocalNodeGen.create(new ReadArgumentNode(index), slot, parameter.text());
        write.setSourceSection(parameter.start(), parameter.length());
        return write;
    }

    HLExpressionNode createGlobalDeclaration(Token name, WriteGlobalNode.Mode mode, HLExpressionNode value, boolean model) {
        return new WriteGlobalNode(name.text(), language.globalIndex().applyAsInt(name.text()), mode, value, model);
    }

    HLExpressionNode createLocalDeclaration(Token name, HLExpressionNode value) {
        int slot = scope().declare(name.text());
        return WriteLocalNodeGen.create(value, slot, name.text());
    }

    /**
     * A second read of an assignment target, for {@code x += 1}: targets are re-evaluated.
     * Null when the target is not a variable, a field or a list element.
     */
    HLExpressionNode createReread(HLExpressionNode target) {
        HLExpressionNode copy;
        if (target instanceof ReadLocalNode local) {
            copy = ReadLocalNodeGen.create(scope().lookup(local.getName()), local.getName());
        } else if (target instanceof ReadGlobalNode global) {
            copy = new ReadGlobalNode(global.name(), language.globalIndex().applyAsInt(global.name()));
        } else if (target instanceof ReadFieldNode || target instanceof ReadIndexNode) {
            copy = (HLExpressionNode) target.deepCopy();
        } else {
            return null;
        }
        copy.copySourceFrom(target);
        return copy;
    }

    /** Stores {@code value} where {@code target} reads from; null when it cannot be assigned. */
    HLExpressionNode createAssignment(HLExpressionNode target, HLExpressionNode value) {
        if (target instanceof ReadLocalNode local) {
            return WriteLocalNodeGen.create(value, scope().lookup(local.getName()), local.getName());
        } else if (target instanceof ReadGlobalNode global) {
            return new WriteGlobalNode(global.name(), language.globalIndex().applyAsInt(global.name()), WriteGlobalNode.Mode.ASSIGN, value);
        } else if (target instanceof ReadFieldNode field) {
            return WriteFieldNodeGen.create(field.getReceiver(), value, field.getField());
        } else if (target instanceof ReadIndexNode index) {
            return WriteIndexNodeGen.create(index.getReceiver(), index.getIndex(), value);
        }
        return null;
    }

    /** The whole source as one root: its hoisted declarations, then its statements. */
    HLRootNode createProgram(List<HLStatementNode> declarations, List<HLStatementNode> statements) {
        ProgramNode program = new ProgramNode(declarations.toArray(HLStatementNode[]::new), statements.toArray(HLStatementNode[]::new));
        program.setSourceSection(0, source.getLength());
        return createRoot(program, "main", source.createSection(0, source.getLength()));
    }

    /** A function (a {@code fn}, a thread body) with the locals of the current scope as its frame. */
    RootCallTarget createFunction(String name, BlockNode body, SourceSection section) {
        FunctionBodyNode functionBody = new FunctionBodyNode(body);
        functionBody.copySourceFrom(body);
        return createRoot(functionBody, name, section).getCallTarget();
    }

    private HLRootNode createRoot(HLExpressionNode body, String name, SourceSection section) {
        return new HLRootNode(language.language(), language.contexts(), scope().build(), body, name, section);
    }
}
