using System.Text.Json.Serialization;

namespace LineCrm.Messaging.AspNetCore.Inbox;

/// <summary>Source-generated JSON for the few values the inbox writes itself (a destination as a JSON string).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class InboxJsonContext : JsonSerializerContext;
