using System.Net;

namespace LineCrm.Messaging.Testing.Tests;

/// <summary>Scripted faults: a status, a delay, a dropped connection; each on the request it names and no other.</summary>
public sealed class FaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_status_fault_answers_that_status_once_without_acting_on_the_request()
    {
        await using var line = await FakeLineServer.StartAsync(cancellationToken: Ct);
        line.EnqueueFault(FakeLineFault.WithStatus(503, "pushMessage", "maintenance"));
        using var http = Lines.Client(line);

        using var faulted = await http.PushAsync("first", Ct);
        using var next = await http.PushAsync("second", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Contains("maintenance", await faulted.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var delivery = Assert.Single(line.Deliveries);
        Assert.Contains("second", delivery.MessagesJson, StringComparison.Ordinal);
        Assert.Equal(FakeLineFaultKind.ErrorStatus, line.Requests[0].Fault);
        Assert.Null(line.Requests[1].Fault);
    }

    [Fact]
    public async Task A_fault_for_another_operation_waits_for_its_own_request()
    {
        await using var line = await FakeLineServer.StartAsync(cancellationToken: Ct);
        line.EnqueueFault(FakeLineFault.WithStatus(500, "multicast"));
        using var http = Lines.Client(line);

        using var push = await http.PushAsync("not faulted", Ct);

        Assert.Equal(HttpStatusCode.OK, push.StatusCode);
    }

    [Fact]
    public async Task A_delay_holds_the_answer_until_the_fake_clock_passes_it()
    {
        var clock = new SignalingTimeProvider();
        await using var line = await FakeLineServer.StartAsync(new FakeLineServerOptions { TimeProvider = clock }, Ct);
        line.EnqueueFault(FakeLineFault.Delayed(TimeSpan.FromSeconds(5), "pushMessage"));
        using var http = Lines.Client(line);

        var pending = http.PushAsync("late", Ct);
        var due = await clock.NextTimerAsync(Ct);

        Assert.Equal(TimeSpan.FromSeconds(5), due);
        Assert.False(pending.IsCompleted);
        Assert.Empty(line.Deliveries); // the delay comes before the request is acted on
        clock.Advance(due);
        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(line.Deliveries);
        Assert.Equal(FakeLineFaultKind.Delay, Assert.Single(line.Requests).Fault);
    }

    [Fact]
    public async Task A_dropped_connection_is_an_error_for_the_client_and_is_recorded_without_a_status()
    {
        await using var line = await FakeLineServer.StartAsync(cancellationToken: Ct);
        line.EnqueueFault(new FakeLineFault(FakeLineFaultKind.DropConnection, "pushMessage"));
        using var http = Lines.Client(line);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PushAsync("lost", Ct));

        var recorded = Assert.Single(line.Requests);
        Assert.Equal((0, FakeLineFaultKind.DropConnection), (recorded.Status, recorded.Fault));
        Assert.Empty(line.Deliveries);
    }

    [Fact]
    public async Task A_drop_after_processing_delivers_but_the_client_never_hears()
    {
        await using var line = await FakeLineServer.StartAsync(cancellationToken: Ct);
        line.EnqueueFault(new FakeLineFault(FakeLineFaultKind.DropConnectionAfterProcessing, "pushMessage"));
        using var http = Lines.Client(line);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PushAsync("sent anyway", Ct));

        Assert.Single(line.Deliveries);
    }

    [Fact]
    public async Task A_scripted_throttle_is_LINEs_429_with_the_Retry_After_asked_for()
    {
        await using var line = await FakeLineServer.StartAsync(cancellationToken: Ct);
        line.EnqueueFault(FakeLineFault.Throttled(TimeSpan.FromSeconds(2.5)));
        using var http = Lines.Client(line);

        using var response = await http.PushAsync("hello", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
        Assert.Empty(line.Deliveries);
    }

    [Fact]
    public void Fault_factories_refuse_what_cannot_be_played()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FakeLineFault.WithStatus(200));
        Assert.Throws<ArgumentOutOfRangeException>(() => FakeLineFault.Delayed(TimeSpan.FromSeconds(-1)));
    }
}
