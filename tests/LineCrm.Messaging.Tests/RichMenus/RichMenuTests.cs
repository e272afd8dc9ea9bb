using System.Text.Json;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages.Actions;
using LineCrm.Messaging.RichMenus;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Tests.Support;
using static LineCrm.Messaging.Tests.RichMenus.RichMenuSamples;

namespace LineCrm.Messaging.Tests.RichMenus;

public sealed class RichMenuTests
{
    [Fact]
    public async Task A_menu_is_created_its_image_uploaded_to_the_data_host_and_both_read_back()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var image = Png(40_000);

        var created = await line.Client.CreateRichMenuAsync(TwoTabs(), ct);
        var id = created.Value.RichMenuId;
        await line.Client.SetRichMenuImageAsync(id, image, "image/png", ct);
        var menu = (await line.Client.GetRichMenuAsync(id, ct)).Value;
        await using var download = await line.Client.GetRichMenuImageAsync(id, ct);
        using var copy = new MemoryStream();
        await download.CopyToAsync(copy, ct);

        Assert.Equal(id, menu.RichMenuId);
        Assert.Equal(new RichMenuSize(2500, 843), menu.Size);
        Assert.True(menu.Selected);
        Assert.Equal(("members", "Menu"), (menu.Name, menu.ChatBarText));
        var postback = Assert.IsType<PostbackAction>(menu.Areas[0].Action);
        Assert.Equal(("tab=points", "My points"), (postback.Data, postback.DisplayText));
        var switchTab = Assert.IsType<RichMenuSwitchAction>(menu.Areas[1].Action);
        Assert.Equal("shop-tab", switchTab.RichMenuAliasId);
        Assert.Equal(1250, menu.Areas[1].Bounds.X);
        Assert.Equal(image, copy.ToArray());
        Assert.Equal("image/png", download.ContentType);
        Assert.Equal(FakeLineHost.Data, Assert.Single(line.Server.RequestsOf("setRichMenuImage")).Host);
        Assert.Equal(FakeLineHost.Data, Assert.Single(line.Server.RequestsOf("getRichMenuImage")).Host);
        using var sent = JsonDocument.Parse(Assert.Single(line.Server.RequestsOf("createRichMenu")).Body);
        Assert.Equal("richmenuswitch", sent.RootElement.GetProperty("areas")[1].GetProperty("action").GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_list_has_every_menu_and_a_deleted_menu_is_gone()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var first = (await line.Client.CreateRichMenuAsync(TwoTabs("first"), ct)).Value.RichMenuId;
        var second = (await line.Client.CreateRichMenuAsync(TwoTabs("second"), ct)).Value.RichMenuId;

        var before = (await line.Client.GetRichMenuListAsync(ct)).Value.RichMenus;
        await line.Client.DeleteRichMenuAsync(first, ct);
        var after = (await line.Client.GetRichMenuListAsync(ct)).Value.RichMenus;
        var gone = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetRichMenuAsync(first, ct));

        Assert.Equal(["first", "second"], before.Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.Equal(second, Assert.Single(after).RichMenuId);
        Assert.Equal(404, (int)gone.StatusCode);
        Assert.Equal("getRichMenu", gone.OperationId);
        Assert.Equal("richMenuId", Assert.Single(gone.Details).Property);
    }

    [Fact]
    public async Task The_default_menu_is_set_read_and_cancelled()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var id = await CreateWithImageAsync(line, ct);

        await line.Client.SetDefaultRichMenuAsync(id, ct);
        var current = (await line.Client.GetDefaultRichMenuIdAsync(ct)).Value.RichMenuId;
        await line.Client.CancelDefaultRichMenuAsync(ct);
        var none = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetDefaultRichMenuIdAsync(ct));

        Assert.Equal(id, current);
        Assert.Null(line.Server.Platform.DefaultRichMenuId);
        Assert.Equal(404, (int)none.StatusCode);
    }

    [Fact]
    public async Task A_menu_without_its_image_cannot_be_made_default_and_LINE_says_why()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var id = (await line.Client.CreateRichMenuAsync(TwoTabs(), ct)).Value.RichMenuId;

        var refused = await Assert.ThrowsAsync<LineApiException>(() => line.Client.SetDefaultRichMenuAsync(id, ct));

        Assert.Equal(400, (int)refused.StatusCode);
        Assert.Contains("image", refused.LineMessage, StringComparison.Ordinal);
        Assert.Equal("richMenuId", Assert.Single(refused.Details).Property);
        Assert.Null(line.Server.Platform.DefaultRichMenuId);
    }

    [Fact]
    public async Task Menus_are_linked_per_user_and_in_bulk_then_unlinked()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var vip = await CreateWithImageAsync(line, ct);
        var many = Enumerable.Range(10, 500).Select(UserId).ToArray();

        await line.Client.LinkRichMenuIdToUserAsync(UserId(1), vip, ct);
        var ofUser = (await line.Client.GetRichMenuIdOfUserAsync(UserId(1), ct)).Value.RichMenuId;
        var bulk = await line.Client.LinkRichMenuIdToUsersAsync(vip, many, ct);
        var linkedInBulk = line.Server.Platform.UserRichMenus.Count(link => link.Value == vip);
        await line.Client.UnlinkRichMenuIdFromUserAsync(UserId(1), ct);
        await line.Client.UnlinkRichMenuIdFromUsersAsync(many[..250], ct);
        var unlinked = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetRichMenuIdOfUserAsync(UserId(1), ct));

        Assert.Equal(vip, ofUser);
        Assert.Equal(202, bulk.Status);
        Assert.Equal(501, linkedInBulk);
        Assert.Equal(404, (int)unlinked.StatusCode);
        Assert.Equal(250, line.Server.Platform.UserRichMenus.Count);
        Assert.DoesNotContain(many[0], line.Server.Platform.UserRichMenus.Keys);
        Assert.Equal(vip, line.Server.Platform.UserRichMenus[many[^1]]);
    }

    [Fact]
    public async Task More_than_500_users_in_one_bulk_request_are_refused_before_sending()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var users = Enumerable.Range(0, 501).Select(UserId).ToArray();

        var link = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.LinkRichMenuIdToUsersAsync("richmenu-1", users, ct));
        var unlink = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.UnlinkRichMenuIdFromUsersAsync(users, ct));
        var none = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.UnlinkRichMenuIdFromUsersAsync([], ct));
        var blank = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.LinkRichMenuIdToUsersAsync("richmenu-1", [UserId(1), ""], ct));

        Assert.Equal("userIds", link.ParamName);
        Assert.Contains("1 to 500", link.Message, StringComparison.Ordinal);
        Assert.Contains("has 501", unlink.Message, StringComparison.Ordinal);
        Assert.Contains("has 0", none.Message, StringComparison.Ordinal);
        Assert.Equal("userIds[1]", blank.ParamName);
        Assert.Empty(line.Server.Requests);
    }

    [Fact]
    public async Task Aliases_are_created_read_repointed_listed_and_deleted()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var points = await CreateWithImageAsync(line, ct);
        var shop = await CreateWithImageAsync(line, ct);

        await line.Client.CreateRichMenuAliasAsync(new RichMenuAlias("points-tab", points), ct);
        await line.Client.CreateRichMenuAliasAsync(new RichMenuAlias("shop-tab", shop), ct);
        var read = (await line.Client.GetRichMenuAliasAsync("points-tab", ct)).Value;
        await line.Client.UpdateRichMenuAliasAsync("points-tab", shop, ct);
        var listed = (await line.Client.GetRichMenuAliasListAsync(ct)).Value.Aliases;
        await line.Client.DeleteRichMenuAliasAsync("shop-tab", ct);
        var deleted = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetRichMenuAliasAsync("shop-tab", ct));

        Assert.Equal(new RichMenuAlias("points-tab", points), read);
        Assert.Equal([new RichMenuAlias("points-tab", shop), new RichMenuAlias("shop-tab", shop)], listed);
        Assert.Equal(404, (int)deleted.StatusCode);
        Assert.Equal("points-tab", Assert.Single(line.Server.Platform.RichMenuAliases).Key);
    }

    [Fact]
    public async Task A_taken_alias_and_an_alias_to_an_unknown_menu_get_LINEs_400_with_details()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var id = await CreateWithImageAsync(line, ct);
        await line.Client.CreateRichMenuAliasAsync(new RichMenuAlias("tab", id), ct);

        var taken = await Assert.ThrowsAsync<LineApiException>(() => line.Client.CreateRichMenuAliasAsync(new RichMenuAlias("tab", id), ct));
        var unknown = await Assert.ThrowsAsync<LineApiException>(() => line.Client.UpdateRichMenuAliasAsync("tab", "richmenu-nope", ct));
        var badId = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.CreateRichMenuAliasAsync(new RichMenuAlias("Tab 1", id), ct));

        Assert.Equal((400, "richMenuAliasId"), ((int)taken.StatusCode, Assert.Single(taken.Details).Property));
        Assert.Contains("'tab' exists already", taken.Message, StringComparison.Ordinal);
        Assert.Equal((400, "richMenuId"), ((int)unknown.StatusCode, Assert.Single(unknown.Details).Property));
        Assert.Equal("richMenuAlias.richMenuAliasId", badId.ParamName);
        Assert.Contains("'T' at index 0", badId.Message, StringComparison.Ordinal);
        Assert.Equal(2, line.Server.RequestsOf("createRichMenuAlias").Count);
        Assert.Equal(id, line.Server.Platform.RichMenuAliases["tab"]);
    }

    [Fact]
    public async Task A_batch_moves_linked_users_and_its_progress_turns_succeeded()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var old = await CreateWithImageAsync(line, ct);
        var next = await CreateWithImageAsync(line, ct);
        var gone = await CreateWithImageAsync(line, ct);
        await line.Client.LinkRichMenuIdToUsersAsync(old, [UserId(1), UserId(2)], ct);
        await line.Client.LinkRichMenuIdToUserAsync(UserId(3), gone, ct);
        var batch = new RichMenuBatchRequest([new RichMenuBatchLinkOperation(old, next), new RichMenuBatchUnlinkOperation(gone)])
        {
            ResumeRequestKey = "spring-2026_1",
        };

        await line.Client.ValidateRichMenuBatchRequestAsync(batch, ct);
        var accepted = await line.Client.RichMenuBatchAsync(batch, ct);
        var first = (await line.Client.GetRichMenuBatchProgressAsync(accepted.RequestId!, ct)).Value;
        var second = (await line.Client.GetRichMenuBatchProgressAsync(accepted.RequestId!, ct)).Value;

        Assert.Equal(202, accepted.Status);
        Assert.Equal(RichMenuBatchProgressPhase.Ongoing, first.Phase);
        Assert.Null(first.CompletedTime);
        Assert.Equal(RichMenuBatchProgressPhase.Succeeded, second.Phase);
        Assert.True(second.CompletedTime > second.AcceptedTime);
        Assert.Equal([(UserId(1), next), (UserId(2), next)],
            line.Server.Platform.UserRichMenus.Select(l => (l.Key, l.Value)).Order());
        using var sent = JsonDocument.Parse(Assert.Single(line.Server.RequestsOf("richMenuBatch")).Body);
        var operations = sent.RootElement.GetProperty("operations");
        Assert.Equal(["link", "unlink"], operations.EnumerateArray().Select(o => o.GetProperty("type").GetString()));
        Assert.Equal(next, operations[0].GetProperty("to").GetString());
        Assert.Equal("spring-2026_1", sent.RootElement.GetProperty("resumeRequestKey").GetString());
    }

    [Fact]
    public async Task Unlink_all_clears_every_link_and_a_phase_LINE_adds_later_is_kept()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var id = await CreateWithImageAsync(line, ct);
        await line.Client.LinkRichMenuIdToUsersAsync(id, [UserId(1), UserId(2)], ct);
        line.Server.Platform.RichMenuBatchReadsBeforeDone = 0;

        var accepted = await line.Client.RichMenuBatchAsync(new RichMenuBatchRequest([new RichMenuBatchUnlinkAllOperation()]), ct);
        line.Server.Platform.RichMenuBatches[accepted.RequestId!].FinalPhase = "paused";
        var progress = (await line.Client.GetRichMenuBatchProgressAsync(accepted.RequestId!, ct)).Value;

        Assert.Empty(line.Server.Platform.UserRichMenus);
        Assert.Equal("paused", progress.Phase.Value);
        Assert.NotEqual(RichMenuBatchProgressPhase.Failed, progress.Phase);
        Assert.Equal("{\"type\":\"unlinkAll\"}", JsonDocument.Parse(line.Server.RequestsOf("richMenuBatch")[0].Body).RootElement.GetProperty("operations")[0].GetRawText());
    }

    [Fact]
    public async Task A_batch_naming_an_unknown_menu_gets_400_with_details_and_an_unknown_request_id_404()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var id = await CreateWithImageAsync(line, ct);

        var invalid = await Assert.ThrowsAsync<LineApiException>(() => line.Client.ValidateRichMenuBatchRequestAsync(
            new RichMenuBatchRequest([new RichMenuBatchLinkOperation(id, "richmenu-missing")]), ct));
        var unknown = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetRichMenuBatchProgressAsync("0123", ct));

        Assert.Equal(400, (int)invalid.StatusCode);
        var detail = Assert.Single(invalid.Details);
        Assert.Equal(("operations[0].to", "richmenu not found: richmenu-missing"), (detail.Property, detail.Message));
        Assert.Equal(404, (int)unknown.StatusCode);
    }

    [Fact]
    public async Task LINE_validates_a_menu_object_and_answers_400_with_details_for_what_the_client_cannot_know()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var valid = await line.Client.ValidateRichMenuObjectAsync(TwoTabs(), ct);

        Assert.Equal(200, valid.Status);
        Assert.Empty(line.Server.Platform.RichMenus);

        // A future action type the client passes through unread: the fake's schema check rejects it, with the path.
        var unknownAction = TwoTabs() with
        {
            Areas = [new RichMenuArea(new(0, 0, 100, 100), new UnknownAction(JsonDocument.Parse("{\"type\":\"teleport\"}").RootElement))],
        };
        var rejected = await Assert.ThrowsAsync<LineApiException>(() => line.Client.ValidateRichMenuObjectAsync(unknownAction, ct));
        Assert.Equal(400, (int)rejected.StatusCode);
        Assert.Equal("areas[0].action.type", Assert.Single(rejected.Details).Property);
    }

    [Fact]
    public async Task A_menu_LINE_returns_with_an_action_type_this_library_does_not_know_is_kept()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var json = System.Text.Json.Nodes.JsonNode.Parse(
            """{"size":{"width":2500,"height":843},"selected":false,"name":"future","chatBarText":"Tap","areas":[{"bounds":{"x":0,"y":0,"width":10,"height":10},"action":{"type":"teleport","to":"moon"}}]}""")!.AsObject();
        line.Server.Platform.RichMenus["richmenu-future"] = new FakeRichMenu("richmenu-future", json);

        var menu = (await line.Client.GetRichMenuAsync("richmenu-future", ct)).Value;

        var unknown = Assert.IsType<UnknownAction>(Assert.Single(menu.Areas).Action);
        Assert.Equal("teleport", unknown.Type);
        Assert.Equal("moon", unknown.Json.GetProperty("to").GetString());
    }

    [Fact]
    public async Task A_429_on_a_read_is_retried_and_on_a_create_too_since_LINE_did_not_act_but_a_500_on_a_create_is_not()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.TooManyRequests, "createRichMenu"));
        var id = (await line.Client.CreateRichMenuAsync(TwoTabs(), ct)).Value.RichMenuId;
        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.TooManyRequests, "getRichMenu"));
        var read = await line.Client.GetRichMenuAsync(id, ct);
        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.ServerErrorAfterProcessing, "createRichMenu"));

        var failed = await Assert.ThrowsAsync<LineApiException>(() => line.Client.CreateRichMenuAsync(TwoTabs("second"), ct));

        Assert.Equal(id, read.Value.RichMenuId);
        Assert.Equal([429, 200], line.Server.RequestsOf("getRichMenu").Select(r => r.Status));
        Assert.Equal([429, 200, 500], line.Server.RequestsOf("createRichMenu").Select(r => r.Status));
        Assert.Equal(500, (int)failed.StatusCode);
        // The menu LINE made before its 500 exists once: the client did not make a second one by retrying.
        Assert.Equal(2, line.Server.Platform.RichMenus.Count);
    }

    [Fact]
    public async Task A_429_on_the_image_upload_is_retried_with_the_same_bytes()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var id = (await line.Client.CreateRichMenuAsync(TwoTabs(), ct)).Value.RichMenuId;
        var image = Jpeg(300_000);
        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.TooManyRequests, "setRichMenuImage"));

        await line.Client.SetRichMenuImageAsync(id, new MemoryStream(image), "image/jpeg", ct);

        Assert.Equal([429, 200], line.Server.RequestsOf("setRichMenuImage").Select(r => r.Status));
        Assert.Equal(image, line.Server.Platform.RichMenus[id].Image);
        Assert.Equal("image/jpeg", line.Server.Platform.RichMenus[id].ImageContentType);
    }

    private static async Task<string> CreateWithImageAsync(FakeLineHarness line, CancellationToken ct)
    {
        var id = (await line.Client.CreateRichMenuAsync(TwoTabs(), ct)).Value.RichMenuId;
        await line.Client.SetRichMenuImageAsync(id, Png(), "image/png", ct);
        return id;
    }
}
