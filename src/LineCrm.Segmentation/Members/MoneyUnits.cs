using System.Globalization;

namespace LineCrm.Segmentation.Members;

/// <summary>
/// How the member table keeps money: a <see cref="long"/> count of ten-thousandths of the purchase's currency
/// unit, the OLE Automation currency scale (<see cref="decimal.ToOACurrency"/>). Every ISO 4217 currency has at
/// most 4 minor digits, so every amount in any of them is kept exactly; sums and comparisons are integer ones.
/// This is the one place that knows the scale.
/// </summary>
internal static class MoneyUnits
{
    /// <summary>How many units make one unit of the currency.</summary>
    public const long PerCurrencyUnit = 10_000;

    /// <summary>The most decimal places an amount kept exactly can have.</summary>
    public const int MaxDecimalPlaces = 4;

    /// <summary>The largest amount kept: <see cref="long.MaxValue"/> ten-thousandths.</summary>
    public static readonly decimal MaxAmount = decimal.FromOACurrency(long.MaxValue);

    /// <summary>The smallest (most negative) amount kept: <see cref="long.MinValue"/> ten-thousandths.</summary>
    public static readonly decimal MinAmount = decimal.FromOACurrency(long.MinValue);

    /// <summary>
    /// The exact amount of <paramref name="units"/>, with no trailing zeros in its scale (19.99, not 19.9900):
    /// <see cref="decimal.FromOACurrency"/> strips them, except from zero, which it returns as 0.0000 - and one such
    /// zero in a sum would print every total with four decimals.
    /// </summary>
    public static decimal ToDecimal(long units) => units == 0 ? 0m : decimal.FromOACurrency(units);

    /// <summary>The amount as CEL sees it (CEL has no decimal): the nearest double to units / 10,000.</summary>
    public static double ToDouble(long units) => units / (double)PerCurrencyUnit;

    /// <summary>The units of <paramref name="amount"/>, or why it cannot be kept exactly (then <paramref name="units"/> is 0).</summary>
    /// <returns>Null when the amount converts; otherwise the reason, a phrase to follow "the amount ... ".</returns>
    public static string? TryToUnits(decimal amount, out long units)
    {
        units = 0;
        if (amount > MaxAmount || amount < MinAmount)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"is outside {MinAmount} to {MaxAmount}, the range kept exactly in ten-thousandths of the currency unit");
        }

        // Round first, so that ToOACurrency (which rounds) never decides: only an amount that is already a whole
        // number of ten-thousandths converts. 1.50000 is one (its trailing zeros are only the decimal's scale).
        if (decimal.Round(amount, MaxDecimalPlaces) != amount)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"has more than {MaxDecimalPlaces} decimal places; amounts are kept exactly in ten-thousandths of the currency unit");
        }

        units = decimal.ToOACurrency(amount);
        return null;
    }

    /// <summary>
    /// The units of an amount an older file kept as a double: the double's decimal (<c>(decimal)value</c>, its
    /// shortest round-trip digits up to 15 significant ones), which must then be a whole number of ten-thousandths.
    /// </summary>
    /// <returns>Null when it converts; otherwise the reason.</returns>
    public static string? TryFromDouble(double value, out long units)
    {
        units = 0;
        if (!double.IsFinite(value))
        {
            return "is not a finite number";
        }

        decimal amount;
        try
        {
            amount = (decimal)value;
        }
        catch (OverflowException)
        {
            return "is outside the range of decimal";
        }

        return TryToUnits(amount, out units);
    }
}
