using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace LineCrm.Messaging.Testing;

/// <summary>
/// The audience endpoints: JSON and multipart file uploads (10,000 and 1,500,000 ids per request, as LINE enforces),
/// click and impression audiences, rename, delete, read (IN_PROGRESS, then READY) and paged lists.
/// </summary>
internal static class FakeLineAudienceHandlers
{
    public static void Register(FakeLineRouteTable routes)
    {
        routes.HandleIfPresent("createAudienceGroup", CreateJson);
        routes.HandleIfPresent("addAudienceToAudienceGroup", AddJson);
        routes.HandleIfPresent("createAudienceForUploadingUserIds", call => UploadFile(call, create: true));
        routes.HandleIfPresent("addUserIdsToAudience", call => UploadFile(call, create: false));
        routes.HandleIfPresent("createClickBasedAudienceGroup", call => CreateFromMessage(call, "CLICK"));
        routes.HandleIfPresent("createImpBasedAudienceGroup", call => CreateFromMessage(call, "IMP"));
        routes.HandleIfPresent("updateAudienceGroupDescription", Rename);
        routes.HandleIfPresent("deleteAudienceGroup", call => Find(call, shared: false, out var audience) is { } missing
            ? missing
            : Ok(call.Server.Platform.Audiences.TryRemove(audience!.Id, out _)));
        routes.HandleIfPresent("getAudienceData", call => Read(call, shared: false));
        routes.HandleIfPresent("getSharedAudienceData", call => Read(call, shared: true));
        routes.HandleIfPresent("getAudienceGroups", call => List(call, shared: false));
        routes.HandleIfPresent("getSharedAudienceGroups", call => List(call, shared: true));
    }

    private static FakeLineReply Ok(bool _) => FakeLineReply.Ok();

    private static FakeLineReply CreateJson(FakeLineCall call)
    {
        var body = call.Body!.Value;
        var ids = Ids(body);
        if (ids.Count > 10_000)
        {
            return FakeLineReply.Error(400, "Too many audiences", ("audiences", $"at most 10000, got {ids.Count}"));
        }

        var audience = New(call, "UPLOAD", body.GetProperty("description").GetString()!);
        Upload(audience, ids);
        return Created(audience);
    }

    private static FakeLineReply AddJson(FakeLineCall call)
    {
        var body = call.Body!.Value;
        var ids = Ids(body);
        if (ids.Count > 10_000)
        {
            return FakeLineReply.Error(400, "Too many audiences", ("audiences", $"at most 10000, got {ids.Count}"));
        }

        if (!call.Server.Platform.Audiences.TryGetValue(body.GetProperty("audienceGroupId").GetInt64(), out var audience))
        {
            return FakeLineReply.Error(404, "audience group not found");
        }

        Upload(audience, ids);
        return new FakeLineReply(202);
    }

    private static FakeLineReply UploadFile(FakeLineCall call, bool create)
    {
        var (fields, file, fileType) = ReadMultipart(call);
        if (file is null)
        {
            return FakeLineReply.Error(400, "file is required", ("file", "missing"));
        }

        if (fileType?.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) != true)
        {
            return FakeLineReply.Error(400, "file must be text/plain", ("file", $"content type {fileType}"));
        }

        var ids = file.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length > 1_500_000)
        {
            return FakeLineReply.Error(400, "Too many ids in the file", ("file", $"at most 1500000, got {ids.Length}"));
        }

        FakeAudience? audience;
        if (create)
        {
            audience = New(call, "UPLOAD", fields.GetValueOrDefault("description") ?? "");
        }
        else if (!long.TryParse(fields.GetValueOrDefault("audienceGroupId"), CultureInfo.InvariantCulture, out var id)
            || !call.Server.Platform.Audiences.TryGetValue(id, out audience))
        {
            return FakeLineReply.Error(404, "audience group not found");
        }

        Upload(audience, ids);
        return create ? Created(audience) : new FakeLineReply(202);
    }

    private static FakeLineReply CreateFromMessage(FakeLineCall call, string type)
    {
        var body = call.Body!.Value;
        var audience = New(call, type, body.GetProperty("description").GetString()!);
        audience.RequestId = body.GetProperty("requestId").GetString();
        return Created(audience);
    }

    private static FakeLineReply Rename(FakeLineCall call)
    {
        if (Find(call, shared: false, out var audience) is { } missing)
        {
            return missing;
        }

        audience!.Description = call.Body!.Value.GetProperty("description").GetString()!;
        return FakeLineReply.Ok();
    }

    private static FakeLineReply Read(FakeLineCall call, bool shared)
    {
        if (Find(call, shared, out var audience) is { } missing)
        {
            return missing;
        }

        lock (audience!)
        {
            var body = new JsonObject { ["audienceGroup"] = Describe(audience) };
            if (audience.ReadsBeforeReady > 0)
            {
                audience.ReadsBeforeReady--;
            }

            body["jobs"] = new JsonArray([.. audience.Jobs.Select((count, i) => (JsonNode)new JsonObject
            {
                ["audienceGroupJobId"] = audience.Id * 100 + i,
                ["audienceGroupId"] = audience.Id,
                ["type"] = "DIFF_ADD",
                ["jobStatus"] = "FINISHED",
                ["audienceCount"] = count,
                ["created"] = audience.Created,
            })]);
            if (shared)
            {
                body["owner"] = new JsonObject { ["serviceType"] = "bizmanager", ["id"] = "owner-1", ["name"] = "Shop HQ" };
            }

            return FakeLineReply.Ok(body);
        }
    }

    private static FakeLineReply List(FakeLineCall call, bool shared)
    {
        var page = int.TryParse(call.Query["page"].ToString(), CultureInfo.InvariantCulture, out var p) ? p : 0;
        if (page < 1)
        {
            return FakeLineReply.Error(400, "page is required", ("page", "must be 1 or more"));
        }

        var size = int.TryParse(call.Query["size"].ToString(), CultureInfo.InvariantCulture, out var s) ? s : 20;
        if (size is < 1 or > 40)
        {
            return FakeLineReply.Error(400, "Invalid size", ("size", "must be between 1 and 40"));
        }

        var description = call.Query["description"].ToString();
        var status = call.Query["status"].ToString();
        var matching = call.Server.Platform.Audiences.Values
            .Where(a => a.Shared == shared || (shared && call.Query["includesOwnedAudienceGroups"] == "true"))
            .Where(a => description.Length == 0 || a.Description.Contains(description, StringComparison.OrdinalIgnoreCase))
            .Where(a => status.Length == 0 || StatusOf(a) == status)
            .OrderBy(a => a.Id)
            .ToArray();
        var items = matching.Skip((page - 1) * size).Take(size).Select(a => (JsonNode)Describe(a)).ToArray();
        return FakeLineReply.Ok(new JsonObject
        {
            ["audienceGroups"] = new JsonArray(items),
            ["hasNextPage"] = page * size < matching.Length,
            ["totalCount"] = matching.Length,
            ["readWriteAudienceGroupTotalCount"] = matching.Length,
            ["page"] = page,
            ["size"] = size,
        });
    }

    private static FakeAudience New(FakeLineCall call, string type, string description)
    {
        var platform = call.Server.Platform;
        var audience = new FakeAudience(1_000 + platform.Next(), type, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())
        {
            Description = description,
            ReadsBeforeReady = platform.AudienceReadsBeforeReady,
        };
        platform.Audiences[audience.Id] = audience;
        return audience;
    }

    private static void Upload(FakeAudience audience, IReadOnlyCollection<string> ids)
    {
        lock (audience)
        {
            audience.Members.UnionWith(ids);
            audience.Jobs.Add(ids.Count);
        }
    }

    private static FakeLineReply Created(FakeAudience audience) => new(202, new JsonObject
    {
        ["audienceGroupId"] = audience.Id,
        ["createRoute"] = "MESSAGING_API",
        ["type"] = audience.Type,
        ["description"] = audience.Description,
        ["created"] = audience.Created,
        ["permission"] = "READ_WRITE",
        ["isIfaAudience"] = false,
        ["requestId"] = audience.RequestId,
    });

    private static string StatusOf(FakeAudience audience) =>
        audience.ReadsBeforeReady < 0 ? "FAILED" : audience.ReadsBeforeReady == 0 ? "READY" : "IN_PROGRESS";

    private static JsonObject Describe(FakeAudience audience)
    {
        var group = new JsonObject
        {
            ["audienceGroupId"] = audience.Id,
            ["type"] = audience.Type,
            ["description"] = audience.Description,
            ["status"] = StatusOf(audience),
            ["audienceCount"] = audience.Members.Count,
            ["created"] = audience.Created,
            ["permission"] = audience.Shared ? "READ" : "READ_WRITE",
            ["createRoute"] = audience.Shared ? "AD_MANAGER" : "MESSAGING_API",
            ["isIfaAudience"] = false,
        };
        if (audience.ReadsBeforeReady < 0)
        {
            group["failedType"] = "AUDIENCE_GROUP_AUDIENCE_INSUFFICIENT";
        }

        if (audience.RequestId is not null)
        {
            group["requestId"] = audience.RequestId;
        }

        return group;
    }

    private static FakeLineReply? Find(FakeLineCall call, bool shared, out FakeAudience? audience)
    {
        audience = null;
        if (!long.TryParse(call.PathParameters["audienceGroupId"], CultureInfo.InvariantCulture, out var id))
        {
            return FakeLineReply.Error(400, "Invalid audienceGroupId", ("audienceGroupId", "must be a number"));
        }

        if (!call.Server.Platform.Audiences.TryGetValue(id, out audience) || (shared && !audience.Shared))
        {
            audience = null;
            return FakeLineReply.Error(404, "audience group not found");
        }

        return null;
    }

    private static List<string> Ids(JsonElement body) =>
        body.TryGetProperty("audiences", out var audiences)
            ? [.. audiences.EnumerateArray().Select(a => a.GetProperty("id").GetString()!)]
            : [];

    private static (Dictionary<string, string> Fields, string? File, string? FileType) ReadMultipart(FakeLineCall call)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? file = null;
        string? fileType = null;
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(call.ContentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(call.RawBody));
        // The body is already in memory, so these reads complete synchronously; handlers are synchronous by design.
        while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            var text = new StreamReader(section.Body, Encoding.UTF8).ReadToEnd();
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value!;
            if (name == "file")
            {
                file = text;
                fileType = section.ContentType;
            }
            else
            {
                fields[name] = text;
            }
        }

        return (fields, file, fileType);
    }
}
