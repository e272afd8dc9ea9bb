using LineCrm.Segmentation.Expressions.Syntax;

namespace LineCrm.Segmentation.Expressions.Extensions;

/// <summary>The bindings extension (cel-go <c>ext.Bindings</c>): the macro <c>cel.bind(name, init, body)</c>.</summary>
internal sealed class BindingsLibrary : ICelLibrary
{
    public string Name => "cel.lib.ext.cel.bindings";

    public CelEnvironment Configure(CelEnvironment environment) =>
        environment.WithMacro(new CelMacro("cel.bind", 3, IsReceiver: false, (factory, call) =>
            factory.Bind(call.Offset, factory.VariableName(call.Args[0], "cel.bind"), call.Args[1], call.Args[2])));
}
