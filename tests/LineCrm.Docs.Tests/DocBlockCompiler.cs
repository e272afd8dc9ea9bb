using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LineCrm.Docs.Tests;

/// <summary>
/// Compiles one doc block on its own, as one C# file of a new app would be: against the LineCrm assemblies, ASP.NET
/// Core and Microsoft.Extensions.*, with nullable on and the implicit usings every <c>Microsoft.NET.Sdk</c> project
/// has (System, System.IO, System.Linq, System.Threading.Tasks, ...). Everything else a block uses, LineCrm's and
/// ASP.NET Core's namespaces included, it must bring with its own <c>using</c> lines.
/// </summary>
public sealed class DocBlockCompiler
{
    /// <summary>The global usings of <c>&lt;ImplicitUsings&gt;enable&lt;/ImplicitUsings&gt;</c> in a plain SDK project.</summary>
    public static readonly ImmutableArray<string> ImplicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading",
        "System.Threading.Tasks",
    ];

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest, DocumentationMode.None);

    private static readonly SyntaxTree GlobalUsings = CSharpSyntaxTree.ParseText(
        string.Concat(ImplicitUsings.Select(name => $"global using {name};\n")), Parse, "GlobalUsings.g.cs");

    private readonly ImmutableArray<MetadataReference> _references;

    /// <summary>Creates a compiler with the references of this test process: the shared frameworks and the LineCrm assemblies.</summary>
    public DocBlockCompiler()
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        _references = [.. trusted.Where(IsAllowed).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }

    /// <summary>The errors of compiling <paramref name="block"/>, each as <c>file:line:column: CSxxxx: message</c> in the Markdown file.</summary>
    /// <param name="block">The block.</param>
    /// <param name="cancellationToken">Cancels the compilation.</param>
    public IReadOnlyList<string> Errors(CodeBlock block, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(block);
        var tree = CSharpSyntaxTree.ParseText(block.Code, Parse, block.Path, cancellationToken: cancellationToken);
        var root = (CompilationUnitSyntax)tree.GetRoot(cancellationToken);
        var kind = root.Members.OfType<GlobalStatementSyntax>().Any() ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var compilation = CSharpCompilation.Create(
            "DocBlock",
            [tree, GlobalUsings],
            _references,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        return [.. compilation.GetDiagnostics(cancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => Describe(block, d))];
    }

    // The block's first line is the line after its fence.
    private static string Describe(CodeBlock block, Diagnostic diagnostic)
    {
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        return $"{block.Path}:{block.FenceLine + 1 + position.Line}:{position.Character + 1}: {diagnostic.Id}: "
            + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
    }

    // What a user's app would reference; not the test frameworks, the compiler itself or test-support code.
    private static bool IsAllowed(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (name.StartsWith("LineCrm.", StringComparison.Ordinal))
        {
            return !name.StartsWith("LineCrm.Testing", StringComparison.Ordinal) && !name.EndsWith(".Tests", StringComparison.Ordinal);
        }

        return (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal)
                || name is "System" or "mscorlib" or "netstandard")
            && !name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
            && !name.StartsWith("Microsoft.Testing.", StringComparison.Ordinal)
            && !name.StartsWith("Microsoft.TestPlatform", StringComparison.Ordinal)
            && !name.StartsWith("Microsoft.VisualStudio.", StringComparison.Ordinal);
    }
}
