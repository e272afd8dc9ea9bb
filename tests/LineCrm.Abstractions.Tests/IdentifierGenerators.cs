using FsCheck;
using FsCheck.Fluent;
using LineCrm.Identity;

namespace LineCrm.Abstractions.Tests;

/// <summary>FsCheck generators of valid identifiers of every well-known type and of custom types.</summary>
internal static class IdentifierGenerators
{
    private const string LowerHex = "0123456789abcdef";

    public static Gen<string> Hex(int length, string alphabet = LowerHex) =>
        Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), length).Select(chars => new string(chars));

    public static Gen<string> LineUserId => Hex(32).Select(hex => "U" + hex);

    // Opaque values: printable text including ':' and non-ASCII, never blank, no control characters,
    // no surrounding white space (that is normalised away and tested separately).
    public static Gen<string> OpaqueValue =>
        Gen.NonEmptyListOf(Gen.Elements("abcXYZ019-_:./ #@店舗カード".ToCharArray()))
            .Select(chars => new string(chars.ToArray()).Trim())
            .Where(s => s.Length is > 0 and <= IdentifierType.MaxOpaqueValueLength);

    public static Gen<string> CustomTypeName =>
        from first in Gen.Elements("abcdefghijklmnopqrstuvwxyz".ToCharArray())
        from rest in Gen.ListOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789_-.".ToCharArray()))
        let name = first + new string(rest.Take(40).ToArray())
        where IdentifierType.WellKnown.All(t => t.Name != name)
        select name;

    public static Gen<Identifier> Identifier => Gen.OneOf(
        LineUserId.Select(Identity.Identifier.LineUser),
        OpaqueValue.Select(Identity.Identifier.WebMember),
        OpaqueValue.Select(Identity.Identifier.StoreCard),
        Hex(64).Select(h => new Identifier(IdentifierType.EmailSha256, h)),
        Hex(64).Select(h => new Identifier(IdentifierType.PhoneSha256, h)),
        from name in CustomTypeName
        from value in OpaqueValue
        select new Identifier(IdentifierType.FromName(name), value));

    public static Arbitrary<Identifier> Identifiers => Identifier.ToArbitrary();
}
