using System.Globalization;

namespace LineCrm.Segmentation.Metrics;

/// <summary>A calendar month (year and month), written <c>yyyy-MM</c>; the unit of monthly metrics and cohorts.</summary>
public readonly record struct CalendarMonth : IComparable<CalendarMonth>
{
    /// <summary>Makes a month.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year or month is out of range.</exception>
    public CalendarMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The month, 1 to 12.</summary>
    public int Month { get; }

    /// <summary>The number of months since January of year 1; consecutive months have consecutive indexes.</summary>
    internal int Index => (Year * 12) + Month - 1;

    /// <summary>The month a date falls in.</summary>
    public static CalendarMonth Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>The month with the given <see cref="Index"/>.</summary>
    internal static CalendarMonth FromIndex(int index) => new(index / 12, (index % 12) + 1);

    /// <summary>The number of months from this month to <paramref name="later"/> (negative when it is earlier).</summary>
    public int MonthsUntil(CalendarMonth later) => later.Index - Index;

    /// <summary>The month <paramref name="months"/> months after this one.</summary>
    public CalendarMonth AddMonths(int months) => FromIndex(Index + months);

    /// <summary>The first day of the month.</summary>
    public DateOnly FirstDay => new(Year, Month, 1);

    /// <inheritdoc />
    public int CompareTo(CalendarMonth other) => Index.CompareTo(other.Index);

    /// <summary>Whether the left month is earlier.</summary>
    public static bool operator <(CalendarMonth left, CalendarMonth right) => left.Index < right.Index;

    /// <summary>Whether the left month is later.</summary>
    public static bool operator >(CalendarMonth left, CalendarMonth right) => left.Index > right.Index;

    /// <summary>Whether the left month is not later.</summary>
    public static bool operator <=(CalendarMonth left, CalendarMonth right) => left.Index <= right.Index;

    /// <summary>Whether the left month is not earlier.</summary>
    public static bool operator >=(CalendarMonth left, CalendarMonth right) => left.Index >= right.Index;

    /// <summary>The month as <c>yyyy-MM</c>, the key used in reports.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
