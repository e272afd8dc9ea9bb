using LineCrm.Messaging.Testing;

namespace LineCrm.Stores.Tests.Crash;

/// <summary>
/// A bulk send of 50,000 recipients checkpointed into the SQLite store, its sender killed with SIGKILL at random
/// moments (at least 20 times) while the fake LINE server injects server errors, throttling and dropped connections:
/// counted on the server, every recipient receives the message exactly once.
/// </summary>
public sealed class BulkSendCrashTests : IDisposable
{
    private const int Recipients = 50_000;
    private const int Kills = 20;
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("linecrm-bulk-crash-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_recipient_receives_the_message_exactly_once_across_twenty_kills_and_faults()
    {
        await using var line = await FakeLineServer.StartAsync(cancellationToken: Ct);
        line.UseFaultMix(new FakeLineFaultMix(Seed: 18, ServerErrorRate: 0.05, ThrottleRate: 0.03, DropRate: 0.02, OperationId: "multicast"));
        var random = new Random(18);
        string[] arguments =
        [
            line.ApiBaseAddress.ToString(), line.DataApiBaseAddress.ToString(), line.AccessToken,
            Path.Combine(_directory.FullName, "linecrm.db"), Guid.NewGuid().ToString(), Recipients.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];

        var kills = 0;
        var lives = 0;
        while (kills < Kills)
        {
            lives++;
            using var sender = BulkSenderProcess.Start(arguments);
            if (random.Next(3) == 0)
            {
                // Anywhere in the life, start-up and planning included: the moment is the point, not a wait for something.
                await Task.WhenAny(sender.Exited, Task.Delay(random.Next(0, 400), Ct));
            }
            else
            {
                // Mid-send: once LINE has accepted a few more chunks of this life.
                await Task.WhenAny(sender.Exited, line.WaitForDeliveriesAsync(line.Deliveries.Count + random.Next(1, 5), Ct));
            }

            if (await sender.KillAsync())
            {
                kills++;
            }
            else
            {
                Assert.Fail($"The sender finished in life {lives} before {Kills} kills; make the job larger. {(await sender.FinishAsync(Ct)).Errors}");
            }
        }

        using var last = BulkSenderProcess.Start(arguments);
        var (exitCode, output, errors) = await last.FinishAsync(Ct);

        Assert.True(exitCode == 0, $"The last life exited with {exitCode}: {output} {errors}");
        Assert.Equal($"done {Recipients}", output.Trim());
        Assert.Equal(Recipients, line.DeliveriesByRecipient.Count);
        var twice = line.DeliveriesByRecipient.Where(r => r.Value != 1).Take(5).ToArray();
        Assert.True(twice.Length == 0, $"Delivered more than once: {string.Join(", ", twice.Select(r => $"{r.Key} x{r.Value}"))}");
        Assert.Equal(Recipients, line.Deliveries.Sum(d => d.Recipients.Count));
        // Resends of chunks LINE had accepted (outcomes lost to a kill or a dropped answer) met their retry keys.
        Assert.Contains(line.RequestsOf("multicast"), r => r.Status == 409);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
