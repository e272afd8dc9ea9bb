using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Evaluation;

namespace LineCrm.Segmentation.Tests.Expressions;

/// <summary>
/// The kind of environment the segment compiler will declare: an object type with typed fields, a list of such
/// objects, plain variables, and a host function with a .NET implementation. Only tests use these names; the
/// engine itself knows none of them.
/// </summary>
internal static class TestDeclarations
{
    public static readonly CelObjectType Purchase = new("Purchase",
    [
        new("at", CelType.Timestamp),
        new("amount", CelType.Double),
        new("channel", CelType.String),
        new("items", CelType.List(CelType.String)),
    ]);

    public static CelEnvironment Environment(CelLimits? limits = null) =>
        CelEnvironment.Create(limits)
            .WithObjectType(Purchase)
            .WithVariable("purchases", CelType.List(Purchase.AsType()))
            .WithVariable("tags", CelType.Map(CelType.String, CelType.Int))
            .WithVariable("age", CelType.Int)
            .WithVariable("name", CelType.String)
            .WithVariable("crm.score", CelType.Double)
            .WithFunction("total",
                FunctionOverload.Global("total_purchases", [CelType.List(Purchase.AsType())], CelType.Double, Total))
            .WithFunction("spentOver",
                FunctionOverload.Receiver("purchase_spent_over", [Purchase.AsType(), CelType.Double], CelType.Bool,
                    a => (double)((ICelObject)a[0]).TryField("amount") > (double)a[1]));

    public static CelObject NewPurchase(string at, double amount, string? channel = null)
    {
        var fields = new Dictionary<string, object>
        {
            ["at"] = CelValueConverter.FromClr(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)),
            ["amount"] = amount,
        };
        if (channel is not null)
        {
            fields["channel"] = channel;
        }

        return new CelObject(Purchase, fields);
    }

    public static Activation Bindings(params (string Name, object Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => CelValueConverter.FromClr(v.Value)));

    private static object Total(ReadOnlySpan<object> arguments)
    {
        var sum = 0.0;
        foreach (var item in ((CelList)arguments[0]).Items)
        {
            sum += (double)((ICelObject)item).TryField("amount");
        }

        return sum;
    }

    private static object TryField(this ICelObject value, string field) =>
        value.TryGetField(field, out var result) ? result : 0.0;
}
