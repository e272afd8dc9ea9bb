using System.Buffers;
using System.Globalization;
using LineCrm.Messaging.Messages.Validation;

namespace LineCrm.Messaging.RichMenus;

/// <summary>
/// LINE's documented limits for rich menus, checked before anything is sent, so a bad menu fails with the field and
/// the limit instead of a round trip and a 400.
/// </summary>
public static class RichMenuLimits
{
    /// <summary>Narrowest menu, in pixels.</summary>
    public const int MinWidth = 800;

    /// <summary>Widest menu, in pixels.</summary>
    public const int MaxWidth = 2500;

    /// <summary>Lowest menu, in pixels.</summary>
    public const int MinHeight = 250;

    /// <summary>The smallest width / height ratio LINE accepts.</summary>
    public const double MinAspectRatio = 1.45;

    /// <summary>Characters in a menu's name.</summary>
    public const int NameLength = 300;

    /// <summary>Characters in the chat bar text.</summary>
    public const int ChatBarTextLength = 14;

    /// <summary>Tappable areas per menu.</summary>
    public const int MaxAreas = 20;

    /// <summary>Characters in an alias id (which must also be made of <c>a-z 0-9 _ -</c>).</summary>
    public const int AliasIdLength = 32;

    /// <summary>User ids per bulk link or unlink.</summary>
    public const int UsersPerBulkRequest = 500;

    /// <summary>Operations per batch.</summary>
    public const int OperationsPerBatch = 1000;

    /// <summary>Characters in a batch's resume key (which must also be made of <c>A-Z a-z 0-9 _ -</c>).</summary>
    public const int ResumeRequestKeyLength = 100;

    /// <summary>Bytes in a rich menu image (1 MB).</summary>
    public const int MaxImageBytes = 1024 * 1024;

    private static readonly SearchValues<char> AliasIdCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_-");
    private static readonly SearchValues<char> ResumeKeyCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    internal static void Check(RichMenuRequest menu, string path)
    {
        LineLimits.Required(menu, path);
        LineLimits.Required(menu.Size, $"{path}.size");
        var size = menu.Size;
        LineLimits.Range(size.Width, $"{path}.size.width", MinWidth, MaxWidth);
        LineLimits.Range(size.Height, $"{path}.size.height", MinHeight, int.MaxValue);
        if ((double)size.Width / size.Height < MinAspectRatio)
        {
            throw LineLimits.Violation(
                $"{path}.size", $"must be at least {MinAspectRatio.ToString(CultureInfo.InvariantCulture)} times as wide as high",
                $"is {size.Width}×{size.Height} ({((double)size.Width / size.Height).ToString("0.###", CultureInfo.InvariantCulture)})");
        }

        LineLimits.Length(menu.Name, $"{path}.name", 1, NameLength);
        LineLimits.Length(menu.ChatBarText, $"{path}.chatBarText", 1, ChatBarTextLength);
        LineLimits.Count(menu.Areas, $"{path}.areas", 0, MaxAreas);
        for (var i = 0; i < menu.Areas.Count; i++)
        {
            var areaPath = $"{path}.areas[{i}]";
            var area = menu.Areas[i];
            LineLimits.Required(area, areaPath);
            LineLimits.Required(area.Bounds, $"{areaPath}.bounds");
            var bounds = area.Bounds;
            LineLimits.Range(bounds.X, $"{areaPath}.bounds.x", 0, size.Width - 1);
            LineLimits.Range(bounds.Y, $"{areaPath}.bounds.y", 0, size.Height - 1);
            LineLimits.Range(bounds.Width, $"{areaPath}.bounds.width", 1, size.Width - bounds.X);
            LineLimits.Range(bounds.Height, $"{areaPath}.bounds.height", 1, size.Height - bounds.Y);
            MessageValidator.ValidateAction(area.Action, $"{areaPath}.action", labelMax: 20);
        }
    }

    internal static void CheckAliasId(string richMenuAliasId, string path)
    {
        LineLimits.Length(richMenuAliasId, path, 1, AliasIdLength);
        var bad = richMenuAliasId.AsSpan().IndexOfAnyExcept(AliasIdCharacters);
        if (bad >= 0)
        {
            throw LineLimits.Violation(path, "may only use a-z, 0-9, '_' and '-'", $"has '{richMenuAliasId[bad]}' at index {bad}");
        }
    }

    internal static void CheckUserIds(IReadOnlyList<string> userIds, string path)
    {
        LineLimits.Count(userIds, path, 1, UsersPerBulkRequest);
        for (var i = 0; i < userIds.Count; i++)
        {
            LineLimits.Length(userIds[i], $"{path}[{i}]", 1, int.MaxValue);
        }
    }

    internal static void Check(RichMenuBatchRequest batch, string path)
    {
        LineLimits.Required(batch, path);
        LineLimits.Count(batch.Operations, $"{path}.operations", 1, OperationsPerBatch);
        for (var i = 0; i < batch.Operations.Count; i++)
        {
            var operationPath = $"{path}.operations[{i}]";
            switch (batch.Operations[i])
            {
                case RichMenuBatchLinkOperation link:
                    LineLimits.Length(link.From, $"{operationPath}.from", 1, int.MaxValue);
                    LineLimits.Length(link.To, $"{operationPath}.to", 1, int.MaxValue);
                    break;
                case RichMenuBatchUnlinkOperation unlink:
                    LineLimits.Length(unlink.From, $"{operationPath}.from", 1, int.MaxValue);
                    break;
                case null:
                    throw LineLimits.Violation(operationPath, "is required", "is missing");
            }
        }

        if (batch.ResumeRequestKey is { } key)
        {
            LineLimits.Length(key, $"{path}.resumeRequestKey", 1, ResumeRequestKeyLength);
            var bad = key.AsSpan().IndexOfAnyExcept(ResumeKeyCharacters);
            if (bad >= 0)
            {
                throw LineLimits.Violation($"{path}.resumeRequestKey", "may only use A-Z, a-z, 0-9, '_' and '-'", $"has '{key[bad]}' at index {bad}");
            }
        }
    }
}
