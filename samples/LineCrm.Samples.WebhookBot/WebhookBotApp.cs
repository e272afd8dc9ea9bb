using LineCrm.Messaging.AspNetCore;
using LineCrm.Samples.WebhookBot.Bot;
using LineCrm.Samples.WebhookBot.Linking;

namespace LineCrm.Samples.WebhookBot;

/// <summary>Builds the bot: the LINE client, the webhook endpoint with its handlers, and the member site's link pages.</summary>
public static class WebhookBotApp
{
    /// <summary>Builds the app from configuration (<c>LineWebhook:Channels:0:Secret</c>,
    /// <c>LineMessaging:ChannelAccessToken</c>, optional <c>LineMessaging:ApiBaseAddress</c>, <c>Site:PublicBaseUrl</c>).</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="configure">A last say over the builder (tests point the client at a fake LINE server here).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.Services.AddOptions<SiteOptions>().Bind(builder.Configuration.GetSection("Site"));
        builder.Services.AddSingleton<AccountLinkNonces>();
        builder.Services.AddSingleton<IdentityLinkLog>();
        builder.Services.AddSingleton<AccountLinkStarter>();

        // Both are validated when the app starts: a missing token or secret stops it with the key to set.
        builder.Services.AddLineMessaging(builder.Configuration.GetSection("LineMessaging"));
        builder.Services.AddLineWebhook() // binds the section LineWebhook
            .AddHandler<GreetNewFriendsHandler>()
            .AddHandler<TextMessageHandler>()
            .AddHandler<AccountLinkHandler>();

        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapLineWebhook("/callback");
        app.MapLinkSite();
        return app;
    }
}
