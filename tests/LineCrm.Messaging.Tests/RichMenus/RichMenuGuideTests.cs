using LineCrm.Messaging.Insights;
using LineCrm.Messaging.Messages.Actions;
using LineCrm.Messaging.RichMenus;
using LineCrm.Messaging.Tests.Support;
using static LineCrm.Messaging.Tests.RichMenus.RichMenuSamples;

namespace LineCrm.Messaging.Tests.RichMenus;

/// <summary>The worked example of docs/platform.md, step by step against the fake, and the batch wait on a fake clock.</summary>
public sealed class RichMenuGuideTests
{
    [Fact]
    public async Task The_guides_rich_menu_example_runs_end_to_end()
    {
        var time = new TimerSignalingTimeProvider(ignored: TimeSpan.FromSeconds(10));
        await using var line = await FakeLineHarness.StartAsync(time: time);
        var client = line.Client;
        var ct = TestContext.Current.CancellationToken;
        var imagePath = Path.Combine(Path.GetTempPath(), $"linecrm-menu-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(imagePath, Png(250_000), ct);
        string[] segmentUserIds = [.. Enumerable.Range(0, 1_234).Select(UserId)];
        try
        {
            // Create, upload the image, make it the default.
            var menu = new RichMenuRequest(
                RichMenuSize.Compact,
                Selected: true,
                Name: "members-2026",
                ChatBarText: "Members",
                Areas:
                [
                    new RichMenuArea(new RichMenuAreaBounds(0, 0, 1250, 843), new PostbackAction("Points", "tab=points") { DisplayText = "My points" }),
                    new RichMenuArea(new RichMenuAreaBounds(1250, 0, 1250, 843), new RichMenuSwitchAction("Shop", "shop-tab", "tab=shop")),
                ]);
            var richMenuId = (await client.CreateRichMenuAsync(menu, ct)).Value.RichMenuId;
            await using (var image = File.OpenRead(imagePath))
            {
                await client.SetRichMenuImageAsync(richMenuId, image, "image/png", ct);
            }

            await client.SetDefaultRichMenuAsync(richMenuId, ct);

            // Per-user menus, a segment 500 at a time.
            var vipMenuId = (await client.CreateRichMenuAsync(menu with { Name = "vip" }, ct)).Value.RichMenuId;
            await client.SetRichMenuImageAsync(vipMenuId, Png(), "image/png", ct);
            foreach (var chunk in segmentUserIds.Chunk(RichMenuLimits.UsersPerBulkRequest))
            {
                await client.LinkRichMenuIdToUsersAsync(vipMenuId, chunk, ct);
            }

            // Aliases, then a batch that moves the VIPs back to the members menu.
            await client.CreateRichMenuAliasAsync(new RichMenuAlias("shop-tab", vipMenuId), ct);
            await client.UpdateRichMenuAliasAsync("shop-tab", richMenuId, ct);
            var batch = new RichMenuBatchRequest([new RichMenuBatchLinkOperation(From: vipMenuId, To: richMenuId)]) { ResumeRequestKey = "spring-2026" };
            await client.ValidateRichMenuBatchRequestAsync(batch, ct);
            var accepted = await client.RichMenuBatchAsync(batch, ct);
            var progress = await time.RunAsync(
                client.WaitForRichMenuBatchAsync(accepted.RequestId!, timeout: TimeSpan.FromMinutes(10), cancellationToken: ct), ct);

            var platform = line.Server.Platform;
            Assert.Equal(richMenuId, platform.DefaultRichMenuId);
            Assert.Equal(await File.ReadAllBytesAsync(imagePath, ct), platform.RichMenus[richMenuId].Image);
            Assert.Equal(3, line.Server.RequestsOf("linkRichMenuIdToUsers").Count); // 500 + 500 + 234
            Assert.Equal(richMenuId, platform.RichMenuAliases["shop-tab"]);
            Assert.Equal(RichMenuBatchProgressPhase.Succeeded, progress.Phase);
            Assert.Equal(segmentUserIds.Length, platform.UserRichMenus.Count(link => link.Value == richMenuId));
            Assert.Equal(2, line.Server.RequestsOf("getRichMenuBatchProgress").Count); // ongoing, then succeeded 5 s later
        }
        finally
        {
            File.Delete(imagePath);
        }
    }

    [Fact]
    public async Task Waiting_for_a_batch_gives_up_after_the_timeout_naming_its_phase()
    {
        var time = new TimerSignalingTimeProvider(ignored: TimeSpan.FromSeconds(10));
        await using var line = await FakeLineHarness.StartAsync(time: time);
        var ct = TestContext.Current.CancellationToken;
        line.Server.Platform.RichMenuBatchReadsBeforeDone = 1_000;
        var accepted = await line.Client.RichMenuBatchAsync(new RichMenuBatchRequest([new RichMenuBatchUnlinkAllOperation()]), ct);

        var started = time.GetUtcNow();
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => time.RunAsync(
            line.Client.WaitForRichMenuBatchAsync(accepted.RequestId!, TimeSpan.FromSeconds(12), cancellationToken: ct), ct));

        Assert.Contains("still ongoing after 00:00:12", timeout.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(12), time.GetUtcNow() - started);
        Assert.Equal(4, line.Server.RequestsOf("getRichMenuBatchProgress").Count); // at 0, 5, 10 and 12 seconds
    }
}
