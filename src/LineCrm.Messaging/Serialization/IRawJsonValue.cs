using System.Text.Json;

namespace LineCrm.Messaging.Serialization;

/// <summary>An object of an unknown <c>type</c> that is written back exactly as it was read.</summary>
internal interface IRawJsonValue
{
    /// <summary>The object as read.</summary>
    JsonElement Json { get; }
}
