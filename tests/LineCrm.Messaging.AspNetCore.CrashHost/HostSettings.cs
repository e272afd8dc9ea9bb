namespace LineCrm.Messaging.AspNetCore.CrashHost;

/// <summary>The child's command line.</summary>
internal sealed record HostSettings(string Secret, string LedgerPath, string? Inbox, string? InboxConnection, string? InboxSchema)
{
    public static HostSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        return new HostSettings(
            values.GetValueOrDefault("--secret") ?? throw new ArgumentException("--secret is required"),
            values.GetValueOrDefault("--ledger") ?? throw new ArgumentException("--ledger is required"),
            values.GetValueOrDefault("--inbox"),
            values.GetValueOrDefault("--inbox-connection"),
            values.GetValueOrDefault("--inbox-schema"));
    }
}
