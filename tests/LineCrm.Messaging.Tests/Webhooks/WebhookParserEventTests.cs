using System.Text;
using System.Text.Json;
using LineCrm.Messaging.Webhooks;

namespace LineCrm.Messaging.Tests.Webhooks;

/// <summary>Every event type of webhook.yml (and messageEdited), read from hand-written fixtures.</summary>
public sealed class WebhookParserEventTests
{
    private static T Single<T>(string eventJson) where T : WebhookEvent
    {
        var callback = WebhookParser.Parse(Encoding.UTF8.GetBytes(WebhookFixtures.Body(eventJson)));
        Assert.Equal(WebhookFixtures.Destination, callback.Destination);
        return Assert.IsType<T>(Assert.Single(callback.Events));
    }

    [Fact]
    public void The_shared_fields_are_read_for_every_event()
    {
        var follow = Single<FollowEvent>(WebhookFixtures.Follow);

        Assert.Equal("follow", follow.Type);
        Assert.Equal(DateTimeOffset.Parse("2016-05-07T13:57:59.859Z", System.Globalization.CultureInfo.InvariantCulture), follow.Timestamp);
        Assert.Equal(WebhookEventModes.Active, follow.Mode);
        Assert.Equal("01FZ74A0TDDPYRVKNK77XKC3ZR", follow.WebhookEventId);
        Assert.False(follow.IsRedelivery);
        var source = Assert.IsType<UserSource>(follow.Source);
        Assert.Equal(WebhookFixtures.UserId, source.UserId);
        Assert.Equal(WebhookFixtures.UserId, source.ChatId);
    }

    [Fact]
    public void A_redelivery_is_flagged_and_keeps_its_event_id()
    {
        var follow = Single<FollowEvent>(WebhookFixtures.Redelivered);

        Assert.True(follow.IsRedelivery);
        Assert.Equal("01GZ74A0TDDPYRVKNK77XKC3ZS", follow.WebhookEventId);
        Assert.False(follow.IsUnblocked);
    }

    [Fact]
    public void An_empty_event_list_is_a_valid_callback()
    {
        var callback = WebhookParser.Parse("""{"destination":"U0123456789abcdef0123456789abcdef","events":[]}"""u8.ToArray());

        Assert.Empty(callback.Events);
        Assert.Equal("U0123456789abcdef0123456789abcdef", callback.Destination);
    }

    [Fact]
    public void Message_and_messageEdited()
    {
        var message = Single<MessageEvent>(WebhookFixtures.Message(WebhookFixtures.FileContent));
        Assert.Equal("nHuyWiB7yP5Zw52FIkcQobQuGDXCTA", message.ReplyToken);
        Assert.Equal("325710", message.Message.Id);

        var edited = Single<MessageEditedEvent>(WebhookFixtures.MessageEdited);
        Assert.Equal("messageEdited", edited.Type);
        Assert.Equal("b60d432864f44d079f6d8efe86cf404b", edited.ReplyToken);
        var text = Assert.IsType<TextMessageContent>(edited.Message);
        Assert.Equal("Good evening!!", text.Text);
        Assert.Equal("444573844083572738", text.Id);
    }

    [Fact]
    public void Unsend_follow_unfollow()
    {
        Assert.Equal("325708", Single<UnsendEvent>(WebhookFixtures.Unsend).MessageId);

        var follow = Single<FollowEvent>(WebhookFixtures.Follow);
        Assert.True(follow.IsUnblocked);
        Assert.Equal("85cbe770fa8b4f45bbe077b1d4be4a36", follow.ReplyToken);

        Assert.Equal("unfollow", Single<UnfollowEvent>(WebhookFixtures.Unfollow).Type);
    }

    [Fact]
    public void Join_and_leave_come_from_groups()
    {
        var join = Single<JoinEvent>(WebhookFixtures.Join);
        Assert.Equal("0f3779fba3b349968c5d07db31eab56f", join.ReplyToken);
        var group = Assert.IsType<GroupSource>(join.Source);
        Assert.Equal("Ca56f94637c1234567890abcdef012345", group.GroupId);
        Assert.Equal("U11111111111111111111111111111111", group.UserId);
        Assert.Equal("Ca56f94637c1234567890abcdef012345", group.ChatId);

        Assert.IsType<GroupSource>(Single<LeaveEvent>(WebhookFixtures.Leave).Source);
    }

    [Fact]
    public void Member_joined_and_left_list_the_users_and_rooms_are_read()
    {
        var joined = Single<MemberJoinedEvent>(WebhookFixtures.MemberJoined);
        Assert.Equal("0f3779fba3b349968c5d07db31eabf65", joined.ReplyToken);
        Assert.Equal(["U4af4980629a1b2c3d4e5f60718293a4c", "U91eeaf62d901234567890abcdef01234"], joined.Members.Select(m => m.UserId));
        var room = Assert.IsType<RoomSource>(joined.Source);
        Assert.Equal("Ra8dbf4673c1234567890abcdef012345", room.RoomId);
        Assert.Equal("U22222222222222222222222222222222", room.UserId);

        var left = Single<MemberLeftEvent>(WebhookFixtures.MemberLeft);
        Assert.Equal("U4af4980629a1b2c3d4e5f60718293a4d", Assert.Single(left.Members).UserId);
    }

    [Fact]
    public void Postback_with_params()
    {
        var postback = Single<PostbackEvent>(WebhookFixtures.Postback);

        Assert.Equal("storeId=12345", postback.Data);
        Assert.Equal("b60d432864f44d079f6d8efe86cf404c", postback.ReplyToken);
        Assert.Equal("2017-12-25T01:00", postback.Params["datetime"]);
        Assert.Equal("richmenu-alias-b", postback.Params["newRichMenuAliasId"]);
        Assert.Equal("SUCCESS", postback.Params["status"]);
        Assert.Equal(3, postback.Params.Count);
    }

    [Fact]
    public void Video_play_complete_and_beacon()
    {
        var video = Single<VideoPlayCompleteEvent>(WebhookFixtures.VideoPlayComplete);
        Assert.Equal("track-id", video.TrackingId);
        Assert.Equal("nHuyWiB7yP5Zw52FIkcQobQuGDXCTB", video.ReplyToken);

        var beacon = Single<BeaconEvent>(WebhookFixtures.Beacon);
        Assert.Equal("d41d8cd98f", beacon.HardwareId);
        Assert.Equal("enter", beacon.BeaconType);
        Assert.Equal("1234567890abcdef", beacon.DeviceMessage);
        Assert.Equal("nHuyWiB7yP5Zw52FIkcQobQuGDXCTC", beacon.ReplyToken);
    }

    [Fact]
    public void Account_link_ok_and_failed()
    {
        var ok = Single<AccountLinkEvent>(WebhookFixtures.AccountLink);
        Assert.True(ok.Succeeded);
        Assert.Equal("xxxxxxxxxxxxxxx", ok.Nonce);
        Assert.Equal("b60d432864f44d079f6d8efe86cf404d", ok.ReplyToken);

        var failed = Single<AccountLinkEvent>(WebhookFixtures.AccountLinkFailed);
        Assert.False(failed.Succeeded);
        Assert.Equal("failed", failed.Result);
        Assert.Equal("yyyyyyyyyyyyyyy", failed.Nonce);
        Assert.Null(failed.ReplyToken);
    }

    [Fact]
    public void Membership_joined_left_renewed()
    {
        var joined = Single<MembershipEvent>(WebhookFixtures.MembershipJoined);
        Assert.Equal(3189, Assert.IsType<JoinedMembershipContent>(joined.Membership).MembershipId);
        Assert.Equal("3a6d4a2a4e5f4b3c9c5a8e7d6c5b4a39", joined.ReplyToken);
        Assert.Equal(3190, Assert.IsType<LeftMembershipContent>(Single<MembershipEvent>(WebhookFixtures.MembershipLeft).Membership).MembershipId);
        Assert.Equal(3191, Assert.IsType<RenewedMembershipContent>(Single<MembershipEvent>(WebhookFixtures.MembershipRenewed).Membership).MembershipId);
    }

    [Fact]
    public void Module_attached_and_detached_have_no_source_and_standby_mode()
    {
        var attached = Single<ModuleEvent>(WebhookFixtures.ModuleAttached);
        Assert.Null(attached.Source);
        Assert.Equal(WebhookEventModes.Standby, attached.Mode);
        var content = Assert.IsType<AttachedModuleContent>(attached.Module);
        Assert.Equal("U33333333333333333333333333333333", content.BotId);
        Assert.Equal(["message:send", "message:receive"], content.Scopes);

        var detached = Assert.IsType<DetachedModuleContent>(Single<ModuleEvent>(WebhookFixtures.ModuleDetached).Module);
        Assert.Equal("U44444444444444444444444444444444", detached.BotId);
        Assert.Equal("bot_deleted", detached.Reason);
    }

    [Fact]
    public void Chat_control_and_suspension_events()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1462629479860), Single<ActivatedEvent>(WebhookFixtures.Activated).ExpireAt);
        Assert.Equal("deactivated", Single<DeactivatedEvent>(WebhookFixtures.Deactivated).Type);
        Assert.Equal("botSuspended", Single<BotSuspendedEvent>(WebhookFixtures.BotSuspended).Type);
        Assert.Equal("botResumed", Single<BotResumedEvent>(WebhookFixtures.BotResumed).Type);
    }

    [Fact]
    public void Delivery_completion()
    {
        Assert.Equal("2ba4b1e7a1c3d5e7f9", Single<DeliveryEvent>(WebhookFixtures.Delivery).Data);
    }

    [Fact]
    public void An_unknown_event_type_keeps_its_JSON_and_its_shared_fields()
    {
        var unknown = Single<UnknownEvent>(WebhookFixtures.UnknownEvent);

        Assert.Equal("teleport", unknown.Type);
        Assert.Equal("01FZ74A0TDDPYRVKNK77XKC3ZR", unknown.WebhookEventId);
        Assert.IsType<UserSource>(unknown.Source);
        Assert.Equal("moon", unknown.Raw.GetProperty("teleport").GetProperty("to").GetString());
        Assert.Equal(42, unknown.Raw.GetProperty("teleport").GetProperty("speed").GetInt32());
    }

    [Fact]
    public void Unknown_sources_mentionees_memberships_and_modules_keep_their_JSON()
    {
        var source = Assert.IsType<UnknownSource>(Single<UnfollowEvent>(
            WebhookFixtures.Event("unfollow", string.Empty, """{"type":"square","squareId":"S1","userId":"U5"}""")).Source);
        Assert.Equal("square", source.Type);
        Assert.Equal("U5", source.UserId);
        Assert.Equal("S1", source.Raw.GetProperty("squareId").GetString());

        var text = Assert.IsType<TextMessageContent>(Single<MessageEvent>(WebhookFixtures.Message(
            """{"type":"text","id":"1","text":"@bots hi","mention":{"mentionees":[{"type":"bots","index":0,"length":5,"count":3}]}}""")).Message);
        var mentionee = Assert.IsType<UnknownMentionee>(Assert.Single(text.Mentionees));
        Assert.Equal((0, 5, "bots"), (mentionee.Index, mentionee.Length, mentionee.Type));
        Assert.Equal(3, mentionee.Raw.GetProperty("count").GetInt32());

        var membership = Assert.IsType<UnknownMembershipContent>(Single<MembershipEvent>(
            WebhookFixtures.Event("membership", """ "membership":{"type":"upgraded","membershipId":7,"tier":"gold"} """)).Membership);
        Assert.Equal("gold", membership.Raw.GetProperty("tier").GetString());

        var module = Assert.IsType<UnknownModuleContent>(Single<ModuleEvent>(
            WebhookFixtures.ModuleEvent("module", """ "module":{"type":"paused","until":5} """)).Module);
        Assert.Equal("paused", module.Type);
        Assert.Equal(5, module.Raw.GetProperty("until").GetInt32());
    }

    [Fact]
    public void Kept_JSON_outlives_the_parse()
    {
        // Raw elements are cloned out of the pooled document, so they stay readable after Parse returns.
        var unknown = Single<UnknownEvent>(WebhookFixtures.UnknownEvent);
        GC.Collect();

        Assert.Equal(JsonValueKind.Object, unknown.Raw.ValueKind);
        Assert.Equal("teleport", unknown.Raw.GetProperty("type").GetString());
    }

    [Fact]
    public void Fields_the_spec_requires_but_real_payloads_omit_are_read_as_empty()
    {
        // No webhookEventId, deliveryContext, mode, source, replyToken, or follow object.
        var follow = Single<FollowEvent>("""{"type":"follow","timestamp":1462629479859}""");

        Assert.Equal(string.Empty, follow.WebhookEventId);
        Assert.False(follow.IsRedelivery);
        Assert.Equal(WebhookEventModes.Active, follow.Mode);
        Assert.Null(follow.Source);
        Assert.Null(follow.ReplyToken);
        Assert.False(follow.IsUnblocked);

        var text = Assert.IsType<TextMessageContent>(Single<MessageEvent>(WebhookFixtures.Message("""{"type":"text","id":"9","text":"hi"}""")).Message);
        Assert.Null(text.QuoteToken);
        Assert.Empty(text.Emojis);
        Assert.Empty(text.Mentionees);
    }

    [Fact]
    public void Unknown_fields_of_known_types_are_ignored()
    {
        var follow = Single<FollowEvent>(WebhookFixtures.Event("follow", """
            "replyToken":"r","follow":{"isUnblocked":true,"via":"qr"},"newTopLevel":{"nested":[1,2,3]}
            """));

        Assert.True(follow.IsUnblocked);
        Assert.Equal("r", follow.ReplyToken);
    }
}
