using LineCrm.Identity;

namespace LineCrm.Abstractions.Tests;

public sealed class IdentifierTests
{
    private const string ValidLineId = "U4af4980629a1b2c3d4e5f60718293a4b";

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("u4af4980629a1b2c3d4e5f60718293a4b")] // lowercase u
    [InlineData("U4AF4980629A1B2C3D4E5F60718293A4B")] // uppercase hex
    [InlineData("U4af4980629a1b2c3d4e5f60718293a4")] // 31 hex digits
    [InlineData("U4af4980629a1b2c3d4e5f60718293a4bc")] // 33 hex digits
    [InlineData("U4af4980629a1b2c3d4e5f60718293a4g")] // not hex
    public void A_malformed_LINE_user_id_is_rejected_naming_the_type_and_value(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => Identifier.LineUser(value));
        Assert.Contains("line", error.Message, StringComparison.Ordinal);
        if (!string.IsNullOrWhiteSpace(value))
        {
            Assert.Contains(value, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_valid_LINE_user_id_is_kept_as_written()
    {
        var id = Identifier.LineUser(ValidLineId);
        Assert.Equal(IdentifierType.LineUser, id.Type);
        Assert.Equal(ValidLineId, id.Value);
        Assert.Equal("line:" + ValidLineId, id.ToString());
    }

    [Theory]
    [InlineData("email_sha256", "abc")]
    [InlineData("email_sha256", "zz2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7")]
    [InlineData("phone_sha256", "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae0")]
    public void A_malformed_hash_is_rejected(string type, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => new Identifier(IdentifierType.FromName(type), value));
        Assert.Contains(type, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
        Assert.Contains("64 hexadecimal", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("web")]
    [InlineData("store")]
    [InlineData("loyalty_app")]
    public void Empty_and_whitespace_values_are_rejected_for_every_type(string type)
    {
        var identifierType = IdentifierType.FromName(type);
        foreach (var blank in new[] { "", " ", "\t\n" })
        {
            var error = Assert.Throws<ArgumentException>(() => new Identifier(identifierType, blank));
            Assert.Contains(type, error.Message, StringComparison.Ordinal);
            Assert.Contains("empty or whitespace", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Opaque_values_reject_control_characters_and_overlong_text()
    {
        Assert.Contains("control character", Assert.Throws<ArgumentException>(() => Identifier.StoreCard("CARD\u0000")).Message, StringComparison.Ordinal);
        var tooLong = new string('7', IdentifierType.MaxOpaqueValueLength + 1);
        var error = Assert.Throws<ArgumentException>(() => Identifier.WebMember(tooLong));
        Assert.Contains("257", error.Message, StringComparison.Ordinal);
        Assert.Contains("...", error.Message, StringComparison.Ordinal); // the value is quoted, but shortened
    }

    [Theory]
    [InlineData("no-separator")]
    [InlineData(":U4af4980629a1b2c3d4e5f60718293a4b")]
    [InlineData("Bad Type:x")]
    [InlineData("line:not-a-line-id")]
    [InlineData("web:")]
    [InlineData("9type:value")]
    public void Parsing_malformed_text_throws_FormatException_with_the_text(string text)
    {
        var error = Assert.Throws<FormatException>(() => Identifier.Parse(text, null));
        Assert.False(Identifier.TryParse(text, null, out _));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        var quoted = text.Contains(':', StringComparison.Ordinal) ? text[..text.IndexOf(':', StringComparison.Ordinal)] : text;
        if (quoted.Length > 0 && !text.StartsWith("line:", StringComparison.Ordinal) && !text.StartsWith("web:", StringComparison.Ordinal))
        {
            Assert.Contains(quoted, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parsing_splits_at_the_first_separator_so_values_may_contain_colons()
    {
        var id = Identifier.Parse("store:SHOP:0042", null);
        Assert.Equal(IdentifierType.StoreCard, id.Type);
        Assert.Equal("SHOP:0042", id.Value);
    }

    [Fact]
    public void Type_names_are_case_insensitive_and_map_to_the_well_known_types()
    {
        Assert.Equal(IdentifierType.StoreCard, IdentifierType.FromName("Store"));
        Assert.True(IdentifierType.FromName("LINE").IsWellKnown);
        var custom = IdentifierType.FromName("Loyalty_App");
        Assert.Equal("loyalty_app", custom.Name);
        Assert.False(custom.IsWellKnown);
        Assert.Throws<ArgumentException>(() => IdentifierType.FromName("has space"));
        Assert.Throws<ArgumentException>(() => IdentifierType.FromName(new string('a', 65)));
    }

    [Fact]
    public void Email_is_normalised_before_hashing()
    {
        // SHA-256 of "alice@example.com", computed independently (coreutils sha256sum).
        const string expected = "ff8d9819fc0e12bf0d24892e45987e249a28dce836a85cad60e28eaaa8c6d976";
        Assert.Equal(expected, Identifier.FromEmail("  Alice@Example.COM ").Value);
        Assert.Equal(IdentifierType.EmailSha256, Identifier.FromEmail("alice@example.com").Type);
        Assert.Throws<ArgumentException>(() => Identifier.FromEmail("not-an-address"));
        Assert.Throws<ArgumentException>(() => Identifier.FromEmail("a@b@c"));
        Assert.Throws<ArgumentException>(() => Identifier.FromEmail("a b@c.d"));
    }

    [Fact]
    public void Phone_numbers_must_be_E164_and_hash_as_written()
    {
        // SHA-256 of "+819012345678", computed independently (coreutils sha256sum).
        const string expected = "3d06a39d40790f11761295e053029378ae28c4b4f6f301693005e079f3d4ca64";
        var id = Identifier.FromPhoneNumber("+819012345678");
        Assert.Equal(IdentifierType.PhoneSha256, id.Type);
        Assert.Equal(64, id.Value.Length);
        Assert.Equal(expected, id.Value);
        foreach (var bad in new[] { "09012345678", "+0123", "+81 90 1234 5678", "+1234567890123456", "+" })
        {
            var error = Assert.Throws<ArgumentException>(() => Identifier.FromPhoneNumber(bad));
            Assert.Contains("E.164", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Default_identifier_is_marked_and_not_equal_to_a_real_one()
    {
        Identifier none = default;
        Assert.True(none.IsDefault);
        Assert.NotEqual(Identifier.WebMember("M1"), none);
        Assert.Equal(string.Empty, none.ToString());
        Assert.Throws<ArgumentException>(() => new Identifier(default, "x"));
    }

    [Fact]
    public void Equality_and_hashing_allocate_nothing()
    {
        var a = Identifier.StoreCard("CARD-0042");
        var b = Identifier.Parse("store:CARD-0042", null);
        _ = a == b; // warm up
        _ = a.GetHashCode();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var equal = true;
        var hash = 0;
        for (var i = 0; i < 1000; i++)
        {
            equal &= a == b && a.Equals(b);
            hash ^= a.GetHashCode() ^ b.GetHashCode();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(equal);
        Assert.Equal(0, hash);
        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("P0")]
    [InlineData("P-1")]
    [InlineData("P01")]
    [InlineData("42")]
    [InlineData("P99999999999999999999")]
    public void Malformed_person_ids_are_rejected(string text)
    {
        var error = Assert.Throws<FormatException>(() => PersonId.Parse(text, null));
        Assert.Contains("person id", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PersonId(0));
    }
}
