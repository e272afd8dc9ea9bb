using BenchmarkDotNet.Attributes;
using LineCrm.Identity;

namespace LineCrm.Benchmarks.Abstractions;

/// <summary>
/// Identifiers are parsed from every event and compared in every hash lookup of the identity graph: parsing
/// and equality must be cheap, and equality must not allocate.
/// </summary>
[MemoryDiagnoser]
public class IdentifierBenchmarks
{
    private const string LineText = "line:U4af4980629a1b2c3d4e5f60718293a4b";
    private readonly Identifier _a = Identifier.Parse(LineText, null);
    private readonly Identifier _b = Identifier.Parse(LineText, null);
    private readonly string _lineTextCopy = new(LineText.AsSpan());

    [Benchmark(Description = "Identifier.Parse (line)")]
    public Identifier ParseLine() => Identifier.Parse(_lineTextCopy, null);

    [Benchmark(Description = "string equality (reference)", Baseline = true)]
    public bool StringEquals() => string.Equals(LineText, _lineTextCopy, StringComparison.Ordinal);

    [Benchmark(Description = "Identifier equality")]
    public bool IdentifierEquals() => _a == _b;

    [Benchmark(Description = "Identifier.GetHashCode")]
    public int IdentifierHash() => _a.GetHashCode();
}
