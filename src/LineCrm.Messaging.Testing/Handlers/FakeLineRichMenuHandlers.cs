using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LineCrm.Messaging.Testing;

/// <summary>
/// The rich menu endpoints with state: menus and their one-time image upload (data host), the default menu, aliases,
/// per-user and bulk links, and batches with progress. LINE's rules beyond the schema (size and aspect ratio, areas
/// inside the menu, an image before use, unique aliases) answer 400 with details; unknown ids answer 404.
/// </summary>
internal static class FakeLineRichMenuHandlers
{
    private const int MaxImageBytes = 1024 * 1024;

    public static void Register(FakeLineRouteTable routes)
    {
        routes.HandleIfPresent("createRichMenu", Create);
        routes.HandleIfPresent("validateRichMenuObject", call => MenuProblems(call.Body!.Value) ?? FakeLineReply.Ok());
        routes.HandleIfPresent("setRichMenuImage", SetImage);
        routes.HandleIfPresent("getRichMenuImage", call => WithMenu(call, menu =>
        {
            lock (menu)
            {
                return menu.Image is { } image
                    ? FakeLineReply.Binary(image, menu.ImageContentType!)
                    : FakeLineReply.Error(404, "Not found", ("richMenuId", $"rich menu {menu.Id} has no image"));
            }
        }));
        routes.HandleIfPresent("getRichMenu", call => WithMenu(call, menu => FakeLineReply.Ok(Describe(menu))));
        routes.HandleIfPresent("deleteRichMenu", Delete);
        routes.HandleIfPresent("getRichMenuList", call => FakeLineReply.Ok(new JsonObject
        {
            ["richmenus"] = new JsonArray([.. call.Server.Platform.RichMenus.Values.OrderBy(m => m.Id, StringComparer.Ordinal).Select(m => (JsonNode)Describe(m))]),
        }));
        routes.HandleIfPresent("setDefaultRichMenu", call => WithUsableMenu(call, call.PathParameters["richMenuId"], menu =>
        {
            call.Server.Platform.DefaultRichMenuId = menu.Id;
            return FakeLineReply.Ok();
        }));
        routes.HandleIfPresent("getDefaultRichMenuId", call => call.Server.Platform.DefaultRichMenuId is { } id
            ? FakeLineReply.Ok(new JsonObject { ["richMenuId"] = id })
            : FakeLineReply.Error(404, "no default richmenu"));
        routes.HandleIfPresent("cancelDefaultRichMenu", call =>
        {
            call.Server.Platform.DefaultRichMenuId = null;
            return FakeLineReply.Ok();
        });
        routes.HandleIfPresent("createRichMenuAlias", CreateAlias);
        routes.HandleIfPresent("getRichMenuAlias", call => WithAlias(call, (alias, menuId) => FakeLineReply.Ok(AliasJson(alias, menuId))));
        routes.HandleIfPresent("updateRichMenuAlias", call => WithAlias(call, (alias, _) =>
            WithUsableMenu(call, call.Body!.Value.GetProperty("richMenuId").GetString()!, menu =>
            {
                call.Server.Platform.RichMenuAliases[alias] = menu.Id;
                return FakeLineReply.Ok();
            }, missingStatus: 400)));
        routes.HandleIfPresent("deleteRichMenuAlias", call => WithAlias(call, (alias, _) =>
        {
            call.Server.Platform.RichMenuAliases.TryRemove(alias, out string? _);
            return FakeLineReply.Ok();
        }));
        routes.HandleIfPresent("getRichMenuAliasList", call => FakeLineReply.Ok(new JsonObject
        {
            ["aliases"] = new JsonArray([.. call.Server.Platform.RichMenuAliases
                .OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => (JsonNode)AliasJson(a.Key, a.Value))]),
        }));
        routes.HandleIfPresent("getRichMenuIdOfUser", call =>
            call.Server.Platform.UserRichMenus.TryGetValue(call.PathParameters["userId"], out var id)
                ? FakeLineReply.Ok(new JsonObject { ["richMenuId"] = id })
                : FakeLineReply.Error(404, "the user has no richmenu", ("userId", call.PathParameters["userId"])));
        routes.HandleIfPresent("unlinkRichMenuIdFromUser", call =>
        {
            call.Server.Platform.UserRichMenus.TryRemove(call.PathParameters["userId"], out _);
            return FakeLineReply.Ok();
        });
        routes.HandleIfPresent("linkRichMenuIdToUser", call => WithUsableMenu(call, call.PathParameters["richMenuId"], menu =>
        {
            call.Server.Platform.UserRichMenus[call.PathParameters["userId"]] = menu.Id;
            return FakeLineReply.Ok();
        }));
        routes.HandleIfPresent("linkRichMenuIdToUsers", call =>
        {
            var body = call.Body!.Value;
            return WithUsableMenu(call, body.GetProperty("richMenuId").GetString()!, menu =>
            {
                foreach (var user in body.GetProperty("userIds").EnumerateArray())
                {
                    call.Server.Platform.UserRichMenus[user.GetString()!] = menu.Id;
                }

                return new FakeLineReply(202, new JsonObject());
            });
        });
        routes.HandleIfPresent("unlinkRichMenuIdFromUsers", call =>
        {
            foreach (var user in call.Body!.Value.GetProperty("userIds").EnumerateArray())
            {
                call.Server.Platform.UserRichMenus.TryRemove(user.GetString()!, out _);
            }

            return new FakeLineReply(202, new JsonObject());
        });
        routes.HandleIfPresent("richMenuBatch", call => BatchProblems(call) ?? RunBatch(call));
        routes.HandleIfPresent("validateRichMenuBatchRequest", call => BatchProblems(call) ?? FakeLineReply.Ok());
        routes.HandleIfPresent("getRichMenuBatchProgress", BatchProgress);
    }

    private static FakeLineReply Create(FakeLineCall call)
    {
        if (MenuProblems(call.Body!.Value) is { } problems)
        {
            return problems;
        }

        var platform = call.Server.Platform;
        var id = "richmenu-" + platform.Next().ToString("x32", CultureInfo.InvariantCulture);
        platform.RichMenus[id] = new FakeRichMenu(id, JsonNode.Parse(call.Body.Value.GetRawText())!.AsObject());
        platform.KnownRichMenus[id] = true; // the rich menu insights know it too
        return FakeLineReply.Ok(new JsonObject { ["richMenuId"] = id });
    }

    private static FakeLineReply SetImage(FakeLineCall call) => WithMenu(call, menu =>
    {
        var type = call.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is not ("image/jpeg" or "image/png"))
        {
            return FakeLineReply.Error(415, "Unsupported Media Type", ("Content-Type", $"must be image/jpeg or image/png, got '{call.ContentType}'"));
        }

        if (call.RawBody.Length > MaxImageBytes)
        {
            return FakeLineReply.Error(413, "Request Entity Too Large", ("body", $"at most {MaxImageBytes} bytes, got {call.RawBody.Length}"));
        }

        lock (menu)
        {
            if (menu.Image is not null)
            {
                return FakeLineReply.Error(400, "An image has already been uploaded to the richmenu");
            }

            menu.Image = call.RawBody;
            menu.ImageContentType = type;
        }

        return FakeLineReply.Ok();
    });

    private static FakeLineReply Delete(FakeLineCall call) => WithMenu(call, menu =>
    {
        var platform = call.Server.Platform;
        platform.RichMenus.TryRemove(menu.Id, out _);
        platform.KnownRichMenus.TryRemove(menu.Id, out _);
        foreach (var link in platform.UserRichMenus.Where(link => link.Value == menu.Id).ToArray())
        {
            platform.UserRichMenus.TryRemove(link.Key, out _);
        }

        if (platform.DefaultRichMenuId == menu.Id)
        {
            platform.DefaultRichMenuId = null;
        }

        return FakeLineReply.Ok();
    });

    private static FakeLineReply CreateAlias(FakeLineCall call)
    {
        var body = call.Body!.Value;
        var alias = body.GetProperty("richMenuAliasId").GetString()!;
        if (alias.Length == 0 || alias.Any(c => c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-')))
        {
            return FakeLineReply.Error(400, "The request body has 1 error(s)", ("richMenuAliasId", "must match ^[a-z0-9_-]{1,32}$"));
        }

        return WithUsableMenu(call, body.GetProperty("richMenuId").GetString()!, menu =>
            call.Server.Platform.RichMenuAliases.TryAdd(alias, menu.Id)
                ? FakeLineReply.Ok()
                : FakeLineReply.Error(400, "conflict richmenu alias id", ("richMenuAliasId", $"'{alias}' exists already")),
            missingStatus: 400);
    }

    private static FakeLineReply? MenuProblems(JsonElement menu)
    {
        var problems = new List<(string, string)>();
        if (!menu.TryGetProperty("size", out var size) || !size.TryGetProperty("width", out var w) || !size.TryGetProperty("height", out var h))
        {
            return FakeLineReply.Error(400, "The request body has 1 error(s)", ("size", "must be specified"));
        }

        var (width, height) = (w.GetInt64(), h.GetInt64());
        if (width is < 800 or > 2500)
        {
            problems.Add(("size.width", "must be between 800 and 2500"));
        }

        if (height < 250)
        {
            problems.Add(("size.height", "must be 250 or more"));
        }

        if (height > 0 && (double)width / height < 1.45)
        {
            problems.Add(("size", "the aspect ratio (width / height) must be 1.45 or more"));
        }

        foreach (var required in (string[])["name", "chatBarText", "areas"])
        {
            if (!menu.TryGetProperty(required, out _))
            {
                problems.Add((required, "must be specified"));
            }
        }

        if (menu.TryGetProperty("areas", out var areas))
        {
            if (areas.GetArrayLength() > 20)
            {
                problems.Add(("areas", "must have at most 20 items"));
            }

            var i = 0;
            foreach (var area in areas.EnumerateArray())
            {
                var bounds = area.GetProperty("bounds");
                long Get(string name) => bounds.GetProperty(name).GetInt64();
                if (Get("x") + Get("width") > width || Get("y") + Get("height") > height)
                {
                    problems.Add(($"areas[{i}].bounds", "must lie inside the rich menu"));
                }

                if (!area.TryGetProperty("action", out _))
                {
                    problems.Add(($"areas[{i}].action", "must be specified"));
                }

                i++;
            }
        }

        return problems.Count == 0 ? null : FakeLineReply.Error(400, $"The request body has {problems.Count} error(s)", problems);
    }

    private static FakeLineReply? BatchProblems(FakeLineCall call)
    {
        var platform = call.Server.Platform;
        var problems = new List<(string, string)>();
        var i = 0;
        foreach (var operation in call.Body!.Value.GetProperty("operations").EnumerateArray())
        {
            foreach (var field in (string[])["from", "to"])
            {
                if (operation.TryGetProperty(field, out var id) && !platform.RichMenus.ContainsKey(id.GetString()!))
                {
                    problems.Add(($"operations[{i}].{field}", $"richmenu not found: {id.GetString()}"));
                }
            }

            i++;
        }

        return problems.Count == 0 ? null : FakeLineReply.Error(400, $"The request body has {problems.Count} error(s)", problems);
    }

    private static FakeLineReply RunBatch(FakeLineCall call)
    {
        var links = call.Server.Platform.UserRichMenus;
        foreach (var operation in call.Body!.Value.GetProperty("operations").EnumerateArray())
        {
            var type = operation.GetProperty("type").GetString();
            var from = operation.TryGetProperty("from", out var f) ? f.GetString() : null;
            foreach (var link in links.ToArray())
            {
                if (type == "unlinkAll" || link.Value == from)
                {
                    if (type == "link")
                    {
                        links[link.Key] = operation.GetProperty("to").GetString()!;
                    }
                    else
                    {
                        links.TryRemove(link.Key, out _);
                    }
                }
            }
        }

        var platform = call.Server.Platform;
        platform.RichMenuBatches[call.RequestId] = new FakeRichMenuBatch(DateTimeOffset.UtcNow, platform.RichMenuBatchReadsBeforeDone);
        return new FakeLineReply(202, new JsonObject());
    }

    private static FakeLineReply BatchProgress(FakeLineCall call)
    {
        var requestId = call.Query["requestId"].ToString();
        if (!call.Server.Platform.RichMenuBatches.TryGetValue(requestId, out var batch))
        {
            return FakeLineReply.Error(404, "Not found", ("requestId", $"no rich menu batch with request id '{requestId}'"));
        }

        lock (batch)
        {
            var body = new JsonObject { ["acceptedTime"] = batch.AcceptedTime.ToString("O", CultureInfo.InvariantCulture) };
            if (batch.ReadsBeforeDone > 0)
            {
                batch.ReadsBeforeDone--;
                body["phase"] = "ongoing";
            }
            else
            {
                body["phase"] = batch.FinalPhase;
                body["completedTime"] = batch.AcceptedTime.AddSeconds(1).ToString("O", CultureInfo.InvariantCulture);
            }

            return FakeLineReply.Ok(body);
        }
    }

    private static FakeLineReply WithMenu(FakeLineCall call, Func<FakeRichMenu, FakeLineReply> answer)
    {
        var id = call.PathParameters["richMenuId"];
        return call.Server.Platform.RichMenus.TryGetValue(id, out var menu)
            ? answer(menu)
            : FakeLineReply.Error(404, "Not found", ("richMenuId", $"no rich menu {id}"));
    }

    /// <summary>A menu that exists and has its image, as LINE requires before a menu is linked, made default or aliased.</summary>
    private static FakeLineReply WithUsableMenu(FakeLineCall call, string id, Func<FakeRichMenu, FakeLineReply> answer, int missingStatus = 404)
    {
        if (!call.Server.Platform.RichMenus.TryGetValue(id, out var menu))
        {
            return FakeLineReply.Error(missingStatus, "richmenu not found", ("richMenuId", $"no rich menu {id}"));
        }

        lock (menu)
        {
            if (menu.Image is null)
            {
                return FakeLineReply.Error(400, "must upload richmenu image before applying it to user", ("richMenuId", id));
            }
        }

        return answer(menu);
    }

    private static FakeLineReply WithAlias(FakeLineCall call, Func<string, string, FakeLineReply> answer)
    {
        var alias = call.PathParameters["richMenuAliasId"];
        return call.Server.Platform.RichMenuAliases.TryGetValue(alias, out var menuId)
            ? answer(alias, menuId)
            : FakeLineReply.Error(404, "richmenu alias not found", ("richMenuAliasId", alias));
    }

    private static JsonObject Describe(FakeRichMenu menu)
    {
        var json = (JsonObject)menu.Json.DeepClone();
        json.Insert(0, "richMenuId", menu.Id);
        json["selected"] ??= false;
        return json;
    }

    private static JsonObject AliasJson(string alias, string menuId) => new() { ["richMenuAliasId"] = alias, ["richMenuId"] = menuId };
}
