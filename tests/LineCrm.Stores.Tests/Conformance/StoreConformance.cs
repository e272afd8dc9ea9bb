using Microsoft.Extensions.Time.Testing;

namespace LineCrm.Stores.Tests.Conformance;

/// <summary>
/// The base of every conformance class: a fresh database per test, opened through the engine's harness, on a fake
/// clock that starts at a time with a sub-microsecond part (so rounding shows) and moves only when a test says.
/// </summary>
public abstract class StoreConformance(StoreHarness harness) : IAsyncLifetime
{
    /// <summary>A start time with ticks below the microsecond, which every engine must drop the same way.</summary>
    protected static readonly DateTimeOffset Start = new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.FromHours(9)).AddTicks(1_234_567);

    protected StoreHarness Harness { get; } = harness;

    protected FakeTimeProvider Time { get; } = new(Start);

    protected StoreSet Stores { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => Stores = await Harness.CreateAsync(Time, Ct);

    public async ValueTask DisposeAsync()
    {
        await Stores.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the stores and opens the same database again, as a restarted process would.</summary>
    protected async Task ReopenAsync() => Stores = await Harness.ReopenAsync(Stores, Time, Ct);

    /// <summary>A time as the stores keep it: whole microseconds, in UTC.</summary>
    protected static DateTimeOffset AsStored(DateTimeOffset time) =>
        new DateTimeOffset(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
}
