using LineCrm.Samples.WebhookBot;

// Configure LineWebhook:Channels:0:Secret, LineMessaging:ChannelAccessToken and Site:PublicBaseUrl (user secrets,
// environment variables LineWebhook__Channels__0__Secret, ...), point the channel's webhook URL at
// https://<your host>/callback, and run. A missing secret or token stops the app at start-up, naming the key.
var app = WebhookBotApp.Build(args);
await app.RunAsync();
