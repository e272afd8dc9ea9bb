using System.Globalization;
using LineCrm.Messaging.Insights;
using LineCrm.Messaging.Messages.Actions;
using LineCrm.Messaging.RichMenus;

namespace LineCrm.Messaging.Tests.RichMenus;

/// <summary>Menus and images for the rich menu tests: a valid two-area menu, and valid JPEG and PNG images of the menu's size.</summary>
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

    /// <summary>A valid 2500×843 PNG (the size of <see cref="TwoTabs"/>), padded to exactly <paramref name="length"/> bytes when above 0.</summary>
    public static byte[] Png(int length = 0) => TestImages.Png(RichMenuSize.Compact.Width, RichMenuSize.Compact.Height, padTo: length);

    /// <summary>A valid 2500×843 JPEG (the size of <see cref="TwoTabs"/>), padded to exactly <paramref name="length"/> bytes when above 0.</summary>
    public static byte[] Jpeg(int length = 0) => TestImages.Jpeg(RichMenuSize.Compact.Width, RichMenuSize.Compact.Height, padTo: length);

    public static string UserId(int i) => "U" + i.ToString("x32", CultureInfo.InvariantCulture);
}
