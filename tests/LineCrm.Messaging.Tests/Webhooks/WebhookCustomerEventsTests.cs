using System.Globalization;
using System.Text;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Messaging.Webhooks;

namespace LineCrm.Messaging.Tests.Webhooks;

/// <summary>
/// The mapping from parsed webhook events to customer events, over the fixture bodies (written from LINE's
/// webhook.yml) and a delivery event as LINE's documentation shows it. Expected values are read off the JSON.
/// </summary>
public sealed class WebhookCustomerEventsTests
{
    private const string FixtureEventId = "01FZ74A0TDDPYRVKNK77XKC3ZR";
    private static readonly Identifier FixtureUser = Identifier.LineUser(WebhookFixtures.UserId);
    private static readonly DateTimeOffset FixtureTime = DateTimeOffset.Parse("2016-05-07T13:57:59.859Z", CultureInfo.InvariantCulture);

    private static WebhookEvent Parse(string eventJson) =>
        Assert.Single(WebhookParser.Parse(Encoding.UTF8.GetBytes(WebhookFixtures.Body(eventJson))).Events);

    private static Interaction SingleInteraction(string eventJson, string expectedId = FixtureEventId)
    {
        var envelope = Assert.Single(WebhookCustomerEvents.From(Parse(eventJson)));
        Assert.Equal("line:" + expectedId, envelope.Id.Value);
        return Assert.IsType<Interaction>(envelope.Event);
    }

    [Fact]
    public void A_follow_that_unblocks_is_an_unblock()
    {
        var interaction = SingleInteraction(WebhookFixtures.Follow);

        Assert.Equal(InteractionKind.Unblocked, interaction.Kind);
        Assert.Equal(FixtureUser, interaction.Who);
        Assert.Equal(FixtureTime, interaction.At);
        Assert.Null(interaction.Target);
        Assert.Null(interaction.CampaignId);
    }

    [Fact]
    public void A_first_follow_is_a_friend_added()
    {
        var interaction = SingleInteraction(WebhookFixtures.Redelivered, "01GZ74A0TDDPYRVKNK77XKC3ZS");

        Assert.Equal(InteractionKind.FriendAdded, interaction.Kind);
        Assert.Equal(FixtureUser, interaction.Who);
    }

    [Fact]
    public void An_unfollow_is_a_block()
    {
        var interaction = SingleInteraction(WebhookFixtures.Unfollow);

        Assert.Equal(InteractionKind.Blocked, interaction.Kind);
        Assert.Equal(FixtureUser, interaction.Who);
        Assert.Equal(FixtureTime, interaction.At);
    }

    [Fact]
    public void A_postback_is_a_click_on_its_data()
    {
        var interaction = SingleInteraction(WebhookFixtures.Postback);

        Assert.Equal(InteractionKind.Clicked, interaction.Kind);
        Assert.Equal("storeId=12345", interaction.Target);
    }

    [Theory]
    [InlineData("text", WebhookFixtures.TextContent)]
    [InlineData("image", WebhookFixtures.ImageContent)]
    [InlineData("video", WebhookFixtures.VideoContent)]
    [InlineData("audio", WebhookFixtures.AudioContent)]
    [InlineData("file", WebhookFixtures.FileContent)]
    [InlineData("location", WebhookFixtures.LocationContent)]
    [InlineData("sticker", WebhookFixtures.StickerContent)]
    [InlineData("hologram", WebhookFixtures.UnknownContent)]
    public void A_message_is_messaged_with_its_type_as_target(string type, string content)
    {
        var interaction = SingleInteraction(WebhookFixtures.Message(content));

        Assert.Equal(InteractionKind.Messaged, interaction.Kind);
        Assert.Equal(type, interaction.Target);
        Assert.Equal(FixtureUser, interaction.Who);
    }

    [Fact]
    public void Every_message_content_type_of_the_fixtures_maps()
    {
        foreach (var (type, content) in WebhookFixtures.ContentsByType)
        {
            Assert.Equal(type, SingleInteraction(WebhookFixtures.Message(content)).Target);
        }
    }

    [Fact]
    public void A_delivery_is_message_delivered_with_its_data_as_target()
    {
        var interaction = SingleInteraction(WebhookFixtures.Delivery);

        Assert.Equal(InteractionKind.MessageDelivered, interaction.Kind);
        Assert.Equal("2ba4b1e7a1c3d5e7f9", interaction.Target);
    }

    [Fact]
    public void A_delivery_as_LINEs_notification_message_documentation_shows_it_maps()
    {
        const string body = """
            {"destination":"Uc7472b39e21dab71c2347e02714630d6","events":[{"type":"delivery",
             "delivery":{"data":"15034552939884E28681A7D668CEA94C147C716C0EC9DFE8B80B44EF3B57F6BD0602366BC3menu01"},
             "webhookEventId":"01G17EJCGAVV66J5WNA7ZCTF6H","deliveryContext":{"isRedelivery":false},
             "timestamp":1650591346705,"source":{"type":"user","userId":"U8189cf6745fc0d808977bdb0b9f22995"},"mode":"active"}]}
            """;
        var delivery = Assert.Single(WebhookParser.Parse(Encoding.UTF8.GetBytes(body)).Events);

        var envelope = Assert.Single(WebhookCustomerEvents.From(delivery));

        Assert.Equal("line:01G17EJCGAVV66J5WNA7ZCTF6H", envelope.Id.Value);
        var interaction = Assert.IsType<Interaction>(envelope.Event);
        Assert.Equal(Identifier.LineUser("U8189cf6745fc0d808977bdb0b9f22995"), interaction.Who);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1650591346705), interaction.At);
        Assert.Equal("15034552939884E28681A7D668CEA94C147C716C0EC9DFE8B80B44EF3B57F6BD0602366BC3menu01", interaction.Target);
    }

    [Fact]
    public async Task A_successful_account_link_links_the_LINE_user_to_the_nonces_member()
    {
        var link = Assert.IsType<AccountLinkEvent>(Parse(WebhookFixtures.AccountLink));
        var asked = new List<string>();

        var envelopes = await WebhookCustomerEvents.FromAsync(link, (e, _) =>
        {
            asked.Add(e.Nonce);
            return ValueTask.FromResult<Identifier?>(Identifier.WebMember("member-42"));
        }, TestContext.Current.CancellationToken);

        Assert.Equal(["xxxxxxxxxxxxxxx"], asked);
        var envelope = Assert.Single(envelopes);
        Assert.Equal("line:" + FixtureEventId, envelope.Id.Value);
        var identityLink = Assert.IsType<IdentityLink>(envelope.Event);
        Assert.Equal(FixtureUser, identityLink.From);
        Assert.Equal(Identifier.WebMember("member-42"), identityLink.To);
        Assert.Equal(FixtureTime, identityLink.At);
        Assert.Equal(LinkSource.AccountLink, identityLink.Source);
        Assert.Equal(envelopes, WebhookCustomerEvents.FromAccountLink(link, Identifier.WebMember("member-42")));
    }

    [Fact]
    public async Task A_failed_account_link_links_nothing_and_never_asks_for_the_member()
    {
        var link = Assert.IsType<AccountLinkEvent>(Parse(WebhookFixtures.AccountLinkFailed));
        var asked = 0;

        var envelopes = await WebhookCustomerEvents.FromAsync(link, (_, _) =>
        {
            asked++;
            return ValueTask.FromResult<Identifier?>(Identifier.WebMember("member-42"));
        }, TestContext.Current.CancellationToken);

        Assert.Empty(envelopes);
        Assert.Equal(0, asked);
        Assert.Empty(WebhookCustomerEvents.FromAccountLink(link, Identifier.WebMember("member-42")));
    }

    [Fact]
    public async Task An_unknown_nonce_links_nothing()
    {
        var link = Parse(WebhookFixtures.AccountLink);

        var envelopes = await WebhookCustomerEvents.FromAsync(link, (_, _) => ValueTask.FromResult<Identifier?>(null), TestContext.Current.CancellationToken);

        Assert.Empty(envelopes);
    }

    [Fact]
    public void Without_a_resolver_an_account_link_yields_nothing_rather_than_a_half_link()
    {
        Assert.Empty(WebhookCustomerEvents.From(Parse(WebhookFixtures.AccountLink)));
    }

    [Fact]
    public void A_link_to_the_same_LINE_user_is_no_link()
    {
        var link = Assert.IsType<AccountLinkEvent>(Parse(WebhookFixtures.AccountLink));

        Assert.Empty(WebhookCustomerEvents.FromAccountLink(link, FixtureUser));
        Assert.Throws<ArgumentException>(() => WebhookCustomerEvents.FromAccountLink(link, default));
    }

    [Fact]
    public async Task FromAsync_maps_other_events_as_From_does_without_calling_the_resolver()
    {
        foreach (var body in WebhookFixtures.EventBodiesByType.Values)
        {
            var webhookEvent = Assert.Single(WebhookParser.Parse(Encoding.UTF8.GetBytes(body)).Events);
            if (webhookEvent is AccountLinkEvent)
            {
                continue;
            }

            var viaAsync = await WebhookCustomerEvents.FromAsync(
                webhookEvent, (_, _) => throw new InvalidOperationException("not an account link"), TestContext.Current.CancellationToken);
            Assert.Equal(WebhookCustomerEvents.From(webhookEvent), viaAsync);
        }
    }

    [Theory]
    [InlineData("messageEdited")]
    [InlineData("unsend")]
    [InlineData("join")]
    [InlineData("leave")]
    [InlineData("memberJoined")]
    [InlineData("memberLeft")]
    [InlineData("videoPlayComplete")]
    [InlineData("beacon")]
    [InlineData("membership")]
    [InlineData("module")]
    [InlineData("activated")]
    [InlineData("deactivated")]
    [InlineData("botSuspended")]
    [InlineData("botResumed")]
    public void Event_types_without_a_mapping_yield_nothing(string type)
    {
        var webhookEvent = Assert.Single(WebhookParser.Parse(Encoding.UTF8.GetBytes(WebhookFixtures.EventBodiesByType[type])).Events);

        Assert.Empty(WebhookCustomerEvents.From(webhookEvent));
    }

    [Fact]
    public void An_unknown_event_type_yields_nothing()
    {
        Assert.Empty(WebhookCustomerEvents.From(Parse(WebhookFixtures.UnknownEvent)));
    }

    [Fact]
    public void A_group_message_maps_to_the_user_who_wrote_it()
    {
        var groupMessage = WebhookFixtures.Event("message", $$""" "replyToken":"r1","message":{{WebhookFixtures.TextContent}} """, WebhookFixtures.GroupSourceJson);

        var interaction = SingleInteraction(groupMessage);

        Assert.Equal(Identifier.LineUser("U11111111111111111111111111111111"), interaction.Who);
    }

    [Theory]
    [InlineData("""{"type":"group","groupId":"Ca56f94637c1234567890abcdef012345"}""")]
    [InlineData("""{"type":"room","roomId":"Ra8dbf4673c1234567890abcdef012345"}""")]
    [InlineData("""{"type":"user"}""")]
    [InlineData("""{"type":"user","userId":"not-a-line-user-id"}""")]
    [InlineData("""{"type":"user","userId":"U4AF4980629A1B2C3D4E5F60718293A4B"}""")]
    public void An_event_without_a_LINE_user_yields_nothing(string source)
    {
        var message = WebhookFixtures.Event("message", $$""" "message":{{WebhookFixtures.TextContent}} """, source);
        var follow = WebhookFixtures.Event("follow", string.Empty, source);

        Assert.Empty(WebhookCustomerEvents.From(Parse(message)));
        Assert.Empty(WebhookCustomerEvents.From(Parse(follow)));
    }

    [Fact]
    public void An_event_without_a_module_source_yields_nothing()
    {
        Assert.Empty(WebhookCustomerEvents.From(Parse(WebhookFixtures.Activated)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("01FZ\\u000774A0")]
    public void An_event_without_a_usable_webhookEventId_yields_nothing(string id)
    {
        Assert.Empty(WebhookCustomerEvents.From(Parse(WebhookFixtures.Event("unfollow", string.Empty, id: id))));
    }

    [Fact]
    public void The_longest_usable_webhookEventId_makes_the_longest_customer_event_id()
    {
        var longest = new string('A', CustomerEventId.MaxLength - "line:".Length);

        var envelope = Assert.Single(WebhookCustomerEvents.From(Parse(WebhookFixtures.Event("unfollow", string.Empty, id: longest))));

        Assert.Equal(CustomerEventId.MaxLength, envelope.Id.Value.Length);
        Assert.Empty(WebhookCustomerEvents.From(Parse(WebhookFixtures.Event("unfollow", string.Empty, id: longest + "A"))));
    }

    [Fact]
    public void A_redelivery_maps_to_the_same_ids_and_events()
    {
        const string id = "01HZ74A0TDDPYRVKNK77XKC3ZQ";
        var first = WebhookCustomerEvents.From(Parse(WebhookFixtures.Event("unfollow", string.Empty, redelivery: false, id: id)));
        var again = WebhookCustomerEvents.From(Parse(WebhookFixtures.Event("unfollow", string.Empty, redelivery: true, id: id)));

        Assert.Equal(first, again);
        Assert.NotEmpty(first);
    }

    [Fact]
    public void Postback_data_longer_than_a_target_is_cut_to_the_target_limit()
    {
        var data = new string('d', 299) + "z";
        var interaction = SingleInteraction(WebhookFixtures.Event("postback", $$""" "postback":{"data":"{{data}}"} """));

        Assert.Equal(data[..256], interaction.Target);
    }

    [Fact]
    public void Cutting_postback_data_never_splits_a_surrogate_pair()
    {
        // 255 letters then U+1F600 (a surrogate pair in UTF-16) straddles the 256-character limit.
        var data = new string('d', 255) + "\U0001F600" + "tail";
        var interaction = SingleInteraction(WebhookFixtures.Event("postback", $$""" "postback":{"data":"{{data}}"} """));

        Assert.Equal(new string('d', 255), interaction.Target);
    }

    [Theory]
    [InlineData(""" "postback":{"data":""} """)]
    [InlineData(""" "postback":{"data":"   "} """)]
    [InlineData(""" "replyToken":"r" """)]
    public void A_postback_without_data_is_a_click_without_target(string rest)
    {
        var interaction = SingleInteraction(WebhookFixtures.Event("postback", rest));

        Assert.Equal(InteractionKind.Clicked, interaction.Kind);
        Assert.Null(interaction.Target);
    }

    [Fact]
    public void A_mixed_batch_maps_each_event_under_its_own_id()
    {
        var ids = new[] { "01A", "01B", "01C", "01D" };
        var events = new[]
        {
            WebhookFixtures.Event("follow", string.Empty, id: ids[0]),
            WebhookFixtures.Event("message", $$""" "message":{{WebhookFixtures.StickerContent}} """, id: ids[1]),
            WebhookFixtures.Event("join", string.Empty, WebhookFixtures.GroupSourceJson, id: "01X"),
            WebhookFixtures.Event("postback", """ "postback":{"data":"a=1"} """, id: ids[2]),
            WebhookFixtures.Event("unfollow", string.Empty, id: ids[3]),
        };
        var body = $$"""{"destination":"{{WebhookFixtures.Destination}}","events":[{{string.Join(",", events)}}]}""";

        var mapped = WebhookParser.Parse(Encoding.UTF8.GetBytes(body)).Events.SelectMany(WebhookCustomerEvents.From).ToList();

        Assert.Equal(ids.Select(i => "line:" + i), mapped.Select(e => e.Id.Value));
        Assert.Equal(
            [InteractionKind.FriendAdded, InteractionKind.Messaged, InteractionKind.Clicked, InteractionKind.Blocked],
            mapped.Select(e => ((Interaction)e.Event).Kind));
    }

    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        Assert.Equal("webhookEvent", Assert.Throws<ArgumentNullException>(() => WebhookCustomerEvents.From(null!)).ParamName);
        Assert.Equal("accountLink", Assert.Throws<ArgumentNullException>(() => WebhookCustomerEvents.FromAccountLink(null!, FixtureUser)).ParamName);
    }
}
