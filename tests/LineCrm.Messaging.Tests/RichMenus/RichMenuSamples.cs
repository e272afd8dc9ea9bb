using System.Globalization;
using LineCrm.Messaging.Insights;
using LineCrm.Messaging.Messages.Actions;
using LineCrm.Messaging.RichMenus;

namespace LineCrm.Messaging.Tests.RichMenus;

/// <summary>Menus and images for the rich menu tests: a valid two-area menu, and image bytes with real JPEG and PNG signatures.</summary>
internal static class RichMenuSamples
{
    public static RichMenuRequest TwoTabs(string name = "members") => new(
        RichMenuSize.Compact,
        Selected: true,
        name,
        "Menu",
        [
            new RichMenuArea(new RichMenuAreaBounds(0, 0, 1250, 843), new PostbackAction("Points", "tab=points") { DisplayText = "My points" }),
            new RichMenuArea(new RichMenuAreaBounds(1250, 0, 1250, 843), new RichMenuSwitchAction("Shop", "shop-tab", "tab=shop")),
        ]);

    public static byte[] Png(int length) => Image(length, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

    public static byte[] Jpeg(int length) => Image(length, [0xFF, 0xD8, 0xFF, 0xE0]);

    public static string UserId(int i) => "U" + i.ToString("x32", CultureInfo.InvariantCulture);

    private static byte[] Image(int length, byte[] signature)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        signature.CopyTo(bytes, 0);
        return bytes;
    }
}
