using System.Text;
using LineCrm.Messaging.Webhooks;

namespace LineCrm.Messaging.Tests.Webhooks;

public sealed class WebhookReceiverTests
{
    private const string OtherBot = "Ufedcba9876543210fedcba9876543210";

    [Fact]
    public void A_signed_body_is_verified_then_parsed()
    {
        var body = Encoding.UTF8.GetBytes(WebhookFixtures.Body(WebhookFixtures.Follow));
        var receiver = new WebhookReceiver("test_secret");

        var callback = receiver.Receive(body, WebhookSignature.Compute("test_secret", body));

        Assert.Equal(WebhookFixtures.Destination, callback.Destination);
        Assert.IsType<FollowEvent>(Assert.Single(callback.Events));
    }

    [Fact]
    public void The_signature_is_checked_before_the_body_is_parsed()
    {
        var garbage = Encoding.UTF8.GetBytes("{ not json");
        var receiver = new WebhookReceiver("test_secret");

        Assert.Throws<WebhookSignatureException>(() => receiver.Receive(garbage, WebhookSignature.Compute("wrong", garbage)));
        Assert.Throws<WebhookFormatException>(() => receiver.Receive(garbage, WebhookSignature.Compute("test_secret", garbage)));
    }

    [Fact]
    public void With_several_channels_a_body_must_be_signed_by_the_secret_of_its_destination()
    {
        var receiver = new WebhookReceiver([
            new ChannelSecret("secret_of_bot_a", WebhookFixtures.Destination),
            new ChannelSecret("secret_of_bot_b", OtherBot),
        ]);
        var forBotA = Encoding.UTF8.GetBytes(WebhookFixtures.Body(WebhookFixtures.Unfollow));

        Assert.Single(receiver.Receive(forBotA, WebhookSignature.Compute("secret_of_bot_a", forBotA)).Events);
        var error = Assert.Throws<WebhookSignatureException>(
            () => receiver.Receive(forBotA, WebhookSignature.Compute("secret_of_bot_b", forBotA)));
        Assert.Contains(OtherBot, error.Message, StringComparison.Ordinal);
    }
}
