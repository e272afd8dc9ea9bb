using LineCrm.Messaging.AspNetCore;
using LineCrm.Messaging.AspNetCore.CrashHost;
using LineCrm.Messaging.Webhooks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

// Usage: CrashHost --secret S --ledger handled.db [--inbox sqlite|postgres --inbox-connection FILE|CONNECTION-STRING [--inbox-schema S]]
// Prints "listening <url>" on standard output once Kestrel accepts requests on 127.0.0.1.
var settings = HostSettings.Parse(args);
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Production" });
builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));

var ledger = new HandledLedger(settings.LedgerPath);
var webhook = builder.Services.AddLineWebhook(o => o.AddChannelSecret(settings.Secret));
webhook.On<WebhookEvent>((e, _, ct) => ledger.RecordAsync(e.WebhookEventId, ct));
switch (settings.Inbox)
{
    case "sqlite":
        builder.Services.AddLineCrmSqliteStores(o => o.Path = settings.InboxConnection!);
        break;
    case "postgres":
        builder.Services.AddLineCrmPostgreSqlStores(o =>
        {
            o.ConnectionString = settings.InboxConnection!;
            o.Schema = settings.InboxSchema ?? "linecrm";
        });
        break;
}

if (settings.Inbox is not null)
{
    webhook.UseInbox(o => o.LeaseDuration = TimeSpan.FromSeconds(2));
}

var app = builder.Build();
app.MapLineWebhook("/callback");
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
Console.WriteLine($"listening {address}");
await app.WaitForShutdownAsync();
