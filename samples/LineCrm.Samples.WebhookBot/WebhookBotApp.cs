using LineCrm.Messaging.AspNetCore;
using LineCrm.Messaging.DependencyInjection;
using LineCrm.Samples.WebhookBot.Bot;
using LineCrm.Samples.WebhookBot.Linking;

namespace LineCrm.Samples.WebhookBot;

/// <summary>Builds the bot: the LINE client, the webhook endpoint with its handlers, and the member site's link pages.</summary>
public static class WebhookBotApp
{
    /// <summary>Builds the app from configuration (<c>Line:ChannelSecret</c>, <c>Line:ChannelAccessToken</c>, optional
    /// <c>Line:ApiBaseAddress</c>, <c>Site:PublicBaseUrl</c>).</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="configure">A last say over the builder (tests point the client at a fake LINE server here).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var line = builder.Configuration.GetSection("Line");

        builder.Services.AddOptions<SiteOptions>().Bind(builder.Configuration.GetSection("Site"));
        builder.Services.AddSingleton<AccountLinkNonces>();
        builder.Services.AddSingleton<IdentityLinkLog>();
        builder.Services.AddSingleton<AccountLinkStarter>();

        builder.Services.AddLineMessaging(options =>
        {
            options.ChannelAccessToken = line["ChannelAccessToken"];
            if (line["ApiBaseAddress"] is { Length: > 0 } apiBase)
            {
                options.ApiBaseAddress = new Uri(apiBase);
            }
        });

        builder.Services.AddLineWebhook(options => options.AddChannelSecret(line["ChannelSecret"] ?? string.Empty))
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
