using LineCrm.Samples.WebhookBot;

// Configure Line:ChannelSecret, Line:ChannelAccessToken and Site:PublicBaseUrl (user secrets, environment variables
// Line__ChannelSecret, ...), point the channel's webhook URL at https://<your host>/callback, and run.
var app = WebhookBotApp.Build(args);
await app.RunAsync();
