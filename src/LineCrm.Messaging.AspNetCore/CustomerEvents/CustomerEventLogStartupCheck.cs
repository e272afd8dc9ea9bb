using LineCrm.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LineCrm.Messaging.AspNetCore.CustomerEvents;

/// <summary>Stops the host at start-up when <c>AddCustomerEvents()</c> has no event log to write to, instead of failing every event later.</summary>
internal sealed class CustomerEventLogStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        services.GetService<ICustomerEventLog>() is null
            ? throw new InvalidOperationException(
                "AddCustomerEvents needs an ICustomerEventLog: register a store (for example services.AddLineCrmSqliteStores(...)) or your own implementation.")
            : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
