using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Segmentation.Identity;

namespace LineCrm.Segmentation.Tests.Identity;

/// <summary>The key tables' hex decoder, against the framework's.</summary>
public sealed class LowerHexTests
{
    [Property(MaxTest = 500)]
    public Property Decodes_lowercase_digits_as_the_framework_does() =>
        Prop.ForAll(Gen.Choose(0, 40).SelectMany(pairs => Gen.ArrayOf(Gen.Choose(0, 255), 2 * pairs)).ToArbitrary(), values =>
        {
            var expected = values.Select(v => (byte)v).ToArray();
            var digits = Convert.ToHexStringLower(expected);
            var decoded = new byte[expected.Length];
            LowerHex.Decode(digits, decoded);
            return decoded.SequenceEqual(expected).Label($"{digits} decoded to {Convert.ToHexStringLower(decoded)}");
        });

    [Fact]
    public void Every_digit_in_every_position_of_a_word_decodes()
    {
        // Each of the 16 digits in each of the four positions of a word, the rest '0'.
        for (var position = 0; position < 4; position++)
        {
            foreach (var digit in "0123456789abcdef")
            {
                var digits = new string('0', 8).ToCharArray();
                digits[position] = digit;
                digits[position + 4] = digit;
                var text = new string(digits);
                var decoded = new byte[4];
                LowerHex.Decode(text, decoded);
                Assert.Equal(Convert.FromHexString(text), decoded);
            }
        }
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(6, 3)]
    [InlineData(8, 3)]
    public void Digits_that_do_not_fill_the_bytes_four_at_a_time_are_refused(int digits, int bytes)
    {
        var error = Assert.Throws<ArgumentException>(() => LowerHex.Decode(new string('a', digits), new byte[bytes]));
        Assert.Contains($"{digits} hex digits", error.Message, StringComparison.Ordinal);
    }
}
