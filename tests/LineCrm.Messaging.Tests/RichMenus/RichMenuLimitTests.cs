using LineCrm.Messaging.Insights;
using LineCrm.Messaging.Messages.Actions;
using LineCrm.Messaging.RichMenus;
using LineCrm.Messaging.Tests.Support;
using static LineCrm.Messaging.Tests.RichMenus.RichMenuSamples;

namespace LineCrm.Messaging.Tests.RichMenus;

/// <summary>LINE's documented limits, refused before sending with the field, the rule and the value found.</summary>
public sealed class RichMenuLimitTests
{
    public static TheoryData<string, RichMenuRequest, string> BadMenus() => new()
    {
        { "richMenu.size.width", TwoTabs() with { Size = new RichMenuSize(799, 250) }, "between 800 and 2500; it is 799" },
        { "richMenu.size.width", TwoTabs() with { Size = new RichMenuSize(2501, 843) }, "it is 2501" },
        { "richMenu.size.height", TwoTabs() with { Size = new RichMenuSize(2500, 249) }, "it is 249" },
        { "richMenu.size", TwoTabs() with { Size = new RichMenuSize(1200, 1000), Areas = [] }, "1.45 times as wide as high; it is 1200×1000 (1.2)" },
        { "richMenu.name", TwoTabs(new string('n', 301)), "1 to 300 characters; it is 301" },
        { "richMenu.chatBarText", TwoTabs() with { ChatBarText = "fifteen chars!!" }, "1 to 14 characters; it is 15" },
        { "richMenu.chatBarText", TwoTabs() with { ChatBarText = null! }, "is missing" },
        { "richMenu.areas", TwoTabs() with { Areas = [.. Enumerable.Repeat(TwoTabs().Areas[0] with { Bounds = new(0, 0, 10, 10) }, 21)] }, "0 to 20 items; it has 21" },
        { "richMenu.areas[1].bounds.width", TwoTabs() with { Areas = [TwoTabs().Areas[0], TwoTabs().Areas[1] with { Bounds = new(1250, 0, 1251, 843) }] }, "between 1 and 1250; it is 1251" },
        { "richMenu.areas[0].bounds.y", TwoTabs() with { Areas = [TwoTabs().Areas[0] with { Bounds = new(0, 843, 10, 10) }] }, "between 0 and 842; it is 843" },
        { "richMenu.areas[0].bounds.x", TwoTabs() with { Areas = [TwoTabs().Areas[0] with { Bounds = new(-1, 0, 10, 10) }] }, "it is -1" },
        { "richMenu.areas[0].action.data", TwoTabs() with { Areas = [new RichMenuArea(new(0, 0, 10, 10), new PostbackAction("p", new string('d', 301)))] }, "at most 300 characters; it is 301" },
        { "richMenu.areas[0].action.label", TwoTabs() with { Areas = [new RichMenuArea(new(0, 0, 10, 10), new MessageAction(new string('l', 21), "hi"))] }, "at most 20 characters" },
        { "richMenu.areas[0].action", TwoTabs() with { Areas = [new RichMenuArea(new(0, 0, 10, 10), null!)] }, "is required" },
    };

    [Theory]
    [MemberData(nameof(BadMenus))]
    public async Task A_menu_breaking_a_limit_is_refused_naming_the_field_and_nothing_is_sent(string field, RichMenuRequest menu, string says)
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var create = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.CreateRichMenuAsync(menu, ct));
        var validate = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.ValidateRichMenuObjectAsync(menu, ct));

        Assert.Equal(field, create.ParamName);
        Assert.Contains(says, create.Message, StringComparison.Ordinal);
        Assert.Equal(create.Message, validate.Message);
        Assert.Empty(line.Server.Requests);
    }

    [Theory]
    [InlineData(800, 250)] // the smallest LINE takes (ratio 3.2)
    [InlineData(2500, 1724)] // ratio just above 1.45
    [InlineData(1200, 405)]
    public void Sizes_inside_the_limits_pass(int width, int height)
    {
        var menu = TwoTabs() with { Size = new RichMenuSize(width, height), Areas = [TwoTabs().Areas[0] with { Bounds = new RichMenuAreaBounds(0, 0, width, height) }] };

        RichMenuLimits.Check(menu, "richMenu");
    }

    [Theory]
    [InlineData("", "it is 0", "1 to 32 characters")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", "is 33", "1 to 32 characters")]
    [InlineData("tab.1", "has '.' at index 3", "a-z, 0-9")]
    public void Alias_ids_follow_LINEs_pattern(string alias, string found, string rule)
    {
        var error = Assert.Throws<ArgumentException>(() => RichMenuLimits.CheckAliasId(alias, "richMenuAliasId"));

        Assert.Contains(found, error.Message, StringComparison.Ordinal);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_has_1_to_1000_operations_and_a_resume_key_of_LINEs_characters()
    {
        var tooMany = new RichMenuBatchRequest([.. Enumerable.Repeat<RichMenuBatchOperation>(new RichMenuBatchUnlinkAllOperation(), 1001)]);
        var empty = new RichMenuBatchRequest([]);
        var badKey = new RichMenuBatchRequest([new RichMenuBatchUnlinkAllOperation()]) { ResumeRequestKey = "key with spaces" };
        var blankTarget = new RichMenuBatchRequest([new RichMenuBatchLinkOperation("richmenu-1", "")]);

        Assert.Contains("1 to 1000 items; it has 1001", Assert.Throws<ArgumentException>(() => RichMenuLimits.Check(tooMany, "batch")).Message, StringComparison.Ordinal);
        Assert.Equal("batch.operations", Assert.Throws<ArgumentException>(() => RichMenuLimits.Check(empty, "batch")).ParamName);
        Assert.Contains("' ' at index 3", Assert.Throws<ArgumentException>(() => RichMenuLimits.Check(badKey, "batch")).Message, StringComparison.Ordinal);
        Assert.Equal("batch.operations[0].to", Assert.Throws<ArgumentException>(() => RichMenuLimits.Check(blankTarget, "batch")).ParamName);
        RichMenuLimits.Check(new RichMenuBatchRequest([.. Enumerable.Repeat<RichMenuBatchOperation>(new RichMenuBatchUnlinkAllOperation(), 1000)]) { ResumeRequestKey = "A-z_9" }, "batch");
    }
}
