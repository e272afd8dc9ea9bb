using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Syntax;

namespace LineCrm.Segmentation.Tests.Expressions.Checking;

public sealed class CheckerTests
{
    private static readonly CelEnvironment Environment = TestDeclarations.Environment();

    [Theory]
    [InlineData("1 + 2", "int")]
    [InlineData("1u * 2u", "uint")]
    [InlineData("1.5 / 2.0", "double")]
    [InlineData("'a' + name", "string")]
    [InlineData("1 < 2.5", "bool")]
    [InlineData("[1, 2]", "list(int)")]
    [InlineData("[1, 'a']", "list(dyn)")]
    [InlineData("[]", "list(dyn)")]
    [InlineData("{'a': 1}", "map(string, int)")]
    [InlineData("tags.vip", "int")]
    [InlineData("tags['vip'] + age", "int")]
    [InlineData("has(tags.vip)", "bool")]
    [InlineData("crm.score", "double")]
    [InlineData("purchases[0].at", "google.protobuf.Timestamp")]
    [InlineData("purchases.filter(p, p.amount > 10.0)", "list(Purchase)")]
    [InlineData("purchases.map(p, p.channel)", "list(string)")]
    [InlineData("purchases.map(p, p.amount > 1.0, p.items)", "list(list(string))")]
    [InlineData("purchases.exists(p, p.channel == 'store')", "bool")]
    [InlineData("total(purchases)", "double")]
    [InlineData("purchases[0].spentOver(5.0)", "bool")]
    [InlineData("type(1)", "type(int)")]
    [InlineData("int", "type(int)")]
    [InlineData("Purchase", "type(Purchase)")]
    [InlineData("dyn(1) + 2", "int")]
    [InlineData("dyn(1)", "dyn")]
    [InlineData("true ? 1 : 2", "int")]
    [InlineData("true ? null : 1", "int")]
    [InlineData("tags == null", "bool")]
    [InlineData("timestamp('2024-01-01T00:00:00Z') - duration('1h')", "google.protobuf.Timestamp")]
    [InlineData("Purchase{amount: 1.0}", "Purchase")]
    public void Infers_the_type_of_the_expression(string text, string expected)
    {
        Assert.Equal(expected, Environment.Compile(text).ResultType.ToString());
    }

    [Fact]
    public void Records_a_type_for_every_node_and_what_names_and_calls_refer_to()
    {
        var checkedExpression = Environment.Compile("purchases.exists(p, p.amount > crm.score) && age >= 18");
        var nodes = new List<Expr>();
        var pending = new Stack<Expr>([checkedExpression.Root]);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            nodes.Add(node);
            if (checkedExpression.References.TryGetValue(node.Id, out var reference) && reference is VariableReference)
            {
                continue; // a dotted variable such as crm.score is one reference; its parts are not evaluated
            }

            foreach (var child in SyntaxTree.Children(node))
            {
                pending.Push(child);
            }
        }

        Assert.All(nodes, node => Assert.True(checkedExpression.Types.ContainsKey(node.Id), $"no type for node {node.Id} ({node})"));
        var score = Assert.Single(nodes.OfType<SelectExpr>(), s => s.Field == "score");
        Assert.Equal(new VariableReference("crm.score", CelType.Double), checkedExpression.References[score.Id]);
        var p = nodes.OfType<IdentExpr>().First(i => i.Name == "p");
        Assert.Equal(new LocalReference("p", TestDeclarations.Purchase.AsType()), checkedExpression.References[p.Id]);
        var greater = nodes.OfType<CallExpr>().Single(c => c.Function == Operators.Greater);
        Assert.Equal("_>__double_double", Assert.Single(Assert.IsType<CallReference>(checkedExpression.References[greater.Id]).Overloads).Id);
    }

    [Fact]
    public void A_comprehension_variable_shadows_a_declared_variable()
    {
        var checkedExpression = Environment.Compile("[1, 2].exists(name, name > 1)");
        Assert.Equal(CelType.Bool, checkedExpression.ResultType);
    }

    [Theory]
    [InlineData("agee + 1", CelCheckErrorKind.UndeclaredReference, 1, 1, "undeclared reference to 'agee'")]
    [InlineData("[1].all(x, y)", CelCheckErrorKind.UndeclaredReference, 1, 12, "undeclared reference to 'y'")]
    [InlineData("[1].exists(x, .x > 0)", CelCheckErrorKind.UndeclaredReference, 1, 15, "undeclared reference to 'x'")]
    [InlineData("lower(name)", CelCheckErrorKind.UndeclaredFunction, 1, 6, "undeclared reference to function 'lower'")]
    [InlineData("age + 'a'", CelCheckErrorKind.NoMatchingOverload, 1, 5, "found no matching overload for '+' applied to '(int, string)'")]
    [InlineData("name.startsWith(1)", CelCheckErrorKind.NoMatchingOverload, 1, 16, "'string.startsWith(int)'")]
    [InlineData("1 == 1u", CelCheckErrorKind.NoMatchingOverload, 1, 3, "'==' applied to '(int, uint)'")]
    [InlineData("-'a'", CelCheckErrorKind.NoMatchingOverload, 1, 1, "'-' applied to '(string)'")]
    [InlineData("purchases[0].price", CelCheckErrorKind.UndefinedField, 1, 13, "type 'Purchase' has no field 'price'")]
    [InlineData("age.years", CelCheckErrorKind.UndefinedField, 1, 4, "type 'int' does not support field selection")]
    [InlineData("has(purchases[0].price)", CelCheckErrorKind.UndefinedField, 1, 17, "has no field 'price'")]
    [InlineData("Purchase{price: 1.0}", CelCheckErrorKind.UndefinedField, 1, 1, "type 'Purchase' has no field 'price'")]
    [InlineData("[1].all(x, x + 1)", CelCheckErrorKind.TypeMismatch, 1, 14, "the condition of all() must be bool, not int")]
    [InlineData("age.exists(x, true)", CelCheckErrorKind.TypeMismatch, 1, 1, "exists() needs a list or a map, not int")]
    [InlineData("[1].filter(x, 'yes')", CelCheckErrorKind.TypeMismatch, 1, 15, "the condition of filter() must be bool, not string")]
    [InlineData("true ? 1 : 'a'", CelCheckErrorKind.NoMatchingOverload, 1, 6, "'?:' applied to '(bool, int, string)'")]
    [InlineData("Purchase{amount: 'a lot'}", CelCheckErrorKind.TypeMismatch, 1, 18, "field 'amount' of 'Purchase' is double, not string")]
    [InlineData("Order{id: 1}", CelCheckErrorKind.UnknownType, 1, 1, "unknown object type 'Order'")]
    public void Reports_each_kind_of_type_error_with_its_position(string text, CelCheckErrorKind kind, int line, int column, string message)
    {
        var error = Assert.Throws<CelCheckException>(() => Environment.Compile(text));
        var first = Assert.Single(error.Errors);
        Assert.Equal(kind, first.Kind);
        Assert.Equal((line, column), (first.Line, first.Column));
        Assert.Contains(message, first.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void Reports_every_error_not_only_the_first_and_no_cascades()
    {
        var error = Assert.Throws<CelCheckException>(() => Environment.Compile("a +\n  b.c + (1 + 'x')"));
        Assert.Equal(
            ["1:1: undeclared reference to 'a'", "2:3: undeclared reference to 'b'", "2:12: found no matching overload for '+' applied to '(int, string)'"],
            error.Errors.Select(e => e.ToString()));
        Assert.StartsWith("3 type errors: 1:1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_longest_declared_dotted_name_wins()
    {
        var environment = CelEnvironment.Create()
            .WithVariable("a.b", CelType.Map(CelType.String, CelType.String))
            .WithVariable("a.b.c", CelType.Int);
        Assert.Equal(CelType.Int, environment.Compile("a.b.c").ResultType);
        Assert.Equal(CelType.String, environment.Compile("a.b.d").ResultType);
    }

    [Fact]
    public void Declarations_reject_names_that_cannot_be_written_in_an_expression()
    {
        Assert.Throws<ArgumentException>(() => CelEnvironment.Create().WithVariable("my-var", CelType.Int));
        Assert.Throws<ArgumentException>(() => CelEnvironment.Create().WithVariable("a..b", CelType.Int));
        Assert.Throws<ArgumentException>(() => new CelObjectType("T", [new("x", CelType.Int), new("x", CelType.Int)]));
        Assert.Throws<ArgumentException>(() => CelEnvironment.Create().WithFunction("f",
            FunctionOverload.Global("size_string", [CelType.Int], CelType.Int, a => a[0]),
            FunctionOverload.Global("size_string", [CelType.Int], CelType.Int, a => a[0])));
        Assert.Throws<ArgumentException>(() => CelEnvironment.Create().WithFunction("f", []));
    }
}
