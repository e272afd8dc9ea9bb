using System.Globalization;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;

namespace LineCrm.Benchmarks;

/// <summary>
/// Resolves the benchmarks' identifiers straight to their person number: a LINE user id <c>U</c> + 32 hex digits of n,
/// or a web member id n, is person n. A fact store built through it costs its appends, not an identity graph.
/// </summary>
internal sealed class NumberedResolver : IPersonResolver
{
    public PersonId Resolve(Identifier identifier) => new(identifier.Type == IdentifierType.LineUser
        ? long.Parse(identifier.Value.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
        : long.Parse(identifier.Value, CultureInfo.InvariantCulture));
}
