using System.Text;
using LineCrm.Messaging.Webhooks;

namespace LineCrm.Messaging.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    // The vectors from issue 5, cross-checked with `openssl dgst -sha256 -hmac <secret> -binary | base64`.
    [Theory]
    [InlineData("test_secret", """{"hello":"world"}""", "t7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM=")]
    [InlineData("channel_secret", "bodybodybodybody", "/gg9a+LvFevTH1sd7XCQycD7tsWclCsInj7MhBHxN7k=")]
    public void Known_vectors_compute_and_verify(string secret, string body, string signature)
    {
        var bytes = Encoding.UTF8.GetBytes(body);

        Assert.Equal(signature, WebhookSignature.Compute(secret, bytes));
        Assert.True(WebhookSignature.IsValid(secret, bytes, signature));
        var matching = new ChannelSecret(secret);
        Assert.Same(matching, new WebhookSignatureVerifier([new ChannelSecret("other"), matching]).Verify(bytes, signature));
    }

    [Fact]
    public void The_signature_is_over_the_bytes_as_received_not_the_same_JSON_reformatted()
    {
        var compact = Encoding.UTF8.GetBytes("""{"hello":"world"}""");
        var spaced = Encoding.UTF8.GetBytes("""{ "hello": "world" }""");

        Assert.False(WebhookSignature.IsValid("test_secret", spaced, "t7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM="));
        Assert.True(WebhookSignature.IsValid("test_secret", compact, "t7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM="));
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("", "missing")]
    [InlineData("not base64!", "not base64")]
    [InlineData("AAAA", "not base64")] // valid base64, but 3 bytes, not 32
    public void A_missing_or_malformed_header_is_a_signature_exception_that_says_which(string? header, string expected)
    {
        var verifier = new WebhookSignatureVerifier("test_secret");

        var error = Assert.Throws<WebhookSignatureException>(() => verifier.Verify("{}"u8, header));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(verifier.IsValid("{}"u8, header));
    }

    [Fact]
    public void A_signature_made_with_another_secret_is_rejected_without_revealing_the_secrets()
    {
        var verifier = new WebhookSignatureVerifier("test_secret");
        var body = Encoding.UTF8.GetBytes("""{"hello":"world"}""");
        var forged = WebhookSignature.Compute("attacker_secret", body);

        var error = Assert.Throws<WebhookSignatureException>(() => verifier.Verify(body, forged));

        Assert.DoesNotContain("test_secret", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 configured", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void During_rotation_both_the_old_and_the_new_secret_verify_and_the_matching_one_is_returned()
    {
        var old = new ChannelSecret("old_secret");
        var current = new ChannelSecret("new_secret");
        var verifier = new WebhookSignatureVerifier([old, current]);
        var body = Encoding.UTF8.GetBytes("""{"destination":"x","events":[]}""");

        Assert.Same(old, verifier.Verify(body, WebhookSignature.Compute("old_secret", body)));
        Assert.Same(current, verifier.Verify(body, WebhookSignature.Compute("new_secret", body)));
    }

    [Fact]
    public void A_verifier_needs_at_least_one_secret_and_secrets_must_not_be_blank()
    {
        Assert.Throws<ArgumentException>(() => new WebhookSignatureVerifier(Array.Empty<ChannelSecret>()));
        Assert.Throws<ArgumentException>(() => new ChannelSecret("  "));
    }

    [Fact]
    public void A_channel_secret_never_shows_itself_in_ToString()
    {
        var secret = new ChannelSecret("super_secret_value", WebhookFixtures.Destination);

        Assert.DoesNotContain("super_secret_value", secret.ToString(), StringComparison.Ordinal);
        Assert.Contains(WebhookFixtures.Destination, secret.ToString(), StringComparison.Ordinal);
    }
}
