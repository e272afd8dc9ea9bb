using System.Text.Json.Serialization;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Coupons;

/// <summary>The state of a coupon. An open set: a value LINE adds later is kept in <see cref="Value"/>, not thrown on.</summary>
/// <param name="Value">The value as LINE spells it.</param>
[JsonConverter(typeof(LineStringValueConverter<CouponStatus>))]
public readonly record struct CouponStatus(string Value) : ILineStringValue<CouponStatus>
{
    /// <summary><c>DRAFT</c>.</summary>
    public static readonly CouponStatus Draft = new("DRAFT");

    /// <summary><c>RUNNING</c>.</summary>
    public static readonly CouponStatus Running = new("RUNNING");

    /// <summary><c>CLOSED</c>.</summary>
    public static readonly CouponStatus Closed = new("CLOSED");

    /// <summary>Wraps a value read from LINE.</summary>
    /// <param name="value">The value.</param>
    public static CouponStatus From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Who can see or get a coupon; <c>PRIVATE</c> is only ever read, never sent. An open set: a value LINE adds later is kept in <see cref="Value"/>, not thrown on.</summary>
/// <param name="Value">The value as LINE spells it.</param>
[JsonConverter(typeof(LineStringValueConverter<CouponVisibility>))]
public readonly record struct CouponVisibility(string Value) : ILineStringValue<CouponVisibility>
{
    /// <summary><c>UNLISTED</c>.</summary>
    public static readonly CouponVisibility Unlisted = new("UNLISTED");

    /// <summary><c>PUBLIC</c>.</summary>
    public static readonly CouponVisibility Public = new("PUBLIC");

    /// <summary><c>PRIVATE</c>.</summary>
    public static readonly CouponVisibility Private = new("PRIVATE");

    /// <summary>Wraps a value read from LINE.</summary>
    /// <param name="value">The value.</param>
    public static CouponVisibility From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The time zone a coupon's period is shown in. An open set: a value LINE adds later is kept in <see cref="Value"/>, not thrown on.</summary>
/// <param name="Value">The value as LINE spells it.</param>
[JsonConverter(typeof(LineStringValueConverter<CouponTimeZone>))]
public readonly record struct CouponTimeZone(string Value) : ILineStringValue<CouponTimeZone>
{
    /// <summary><c>ETC_GMT_MINUS_12</c>.</summary>
    public static readonly CouponTimeZone EtcGmtMinus12 = new("ETC_GMT_MINUS_12");

    /// <summary><c>ETC_GMT_MINUS_11</c>.</summary>
    public static readonly CouponTimeZone EtcGmtMinus11 = new("ETC_GMT_MINUS_11");

    /// <summary><c>PACIFIC_HONOLULU</c>.</summary>
    public static readonly CouponTimeZone PacificHonolulu = new("PACIFIC_HONOLULU");

    /// <summary><c>AMERICA_ANCHORAGE</c>.</summary>
    public static readonly CouponTimeZone AmericaAnchorage = new("AMERICA_ANCHORAGE");

    /// <summary><c>AMERICA_LOS_ANGELES</c>.</summary>
    public static readonly CouponTimeZone AmericaLosAngeles = new("AMERICA_LOS_ANGELES");

    /// <summary><c>AMERICA_PHOENIX</c>.</summary>
    public static readonly CouponTimeZone AmericaPhoenix = new("AMERICA_PHOENIX");

    /// <summary><c>AMERICA_CHICAGO</c>.</summary>
    public static readonly CouponTimeZone AmericaChicago = new("AMERICA_CHICAGO");

    /// <summary><c>AMERICA_NEW_YORK</c>.</summary>
    public static readonly CouponTimeZone AmericaNewYork = new("AMERICA_NEW_YORK");

    /// <summary><c>AMERICA_CARACAS</c>.</summary>
    public static readonly CouponTimeZone AmericaCaracas = new("AMERICA_CARACAS");

    /// <summary><c>AMERICA_SANTIAGO</c>.</summary>
    public static readonly CouponTimeZone AmericaSantiago = new("AMERICA_SANTIAGO");

    /// <summary><c>AMERICA_ST_JOHNS</c>.</summary>
    public static readonly CouponTimeZone AmericaStJohns = new("AMERICA_ST_JOHNS");

    /// <summary><c>AMERICA_SAO_PAULO</c>.</summary>
    public static readonly CouponTimeZone AmericaSaoPaulo = new("AMERICA_SAO_PAULO");

    /// <summary><c>ETC_GMT_MINUS_2</c>.</summary>
    public static readonly CouponTimeZone EtcGmtMinus2 = new("ETC_GMT_MINUS_2");

    /// <summary><c>ATLANTIC_CAPE_VERDE</c>.</summary>
    public static readonly CouponTimeZone AtlanticCapeVerde = new("ATLANTIC_CAPE_VERDE");

    /// <summary><c>EUROPE_LONDON</c>.</summary>
    public static readonly CouponTimeZone EuropeLondon = new("EUROPE_LONDON");

    /// <summary><c>EUROPE_PARIS</c>.</summary>
    public static readonly CouponTimeZone EuropeParis = new("EUROPE_PARIS");

    /// <summary><c>EUROPE_ISTANBUL</c>.</summary>
    public static readonly CouponTimeZone EuropeIstanbul = new("EUROPE_ISTANBUL");

    /// <summary><c>EUROPE_MOSCOW</c>.</summary>
    public static readonly CouponTimeZone EuropeMoscow = new("EUROPE_MOSCOW");

    /// <summary><c>ASIA_TEHRAN</c>.</summary>
    public static readonly CouponTimeZone AsiaTehran = new("ASIA_TEHRAN");

    /// <summary><c>ASIA_TBILISI</c>.</summary>
    public static readonly CouponTimeZone AsiaTbilisi = new("ASIA_TBILISI");

    /// <summary><c>ASIA_KABUL</c>.</summary>
    public static readonly CouponTimeZone AsiaKabul = new("ASIA_KABUL");

    /// <summary><c>ASIA_TASHKENT</c>.</summary>
    public static readonly CouponTimeZone AsiaTashkent = new("ASIA_TASHKENT");

    /// <summary><c>ASIA_COLOMBO</c>.</summary>
    public static readonly CouponTimeZone AsiaColombo = new("ASIA_COLOMBO");

    /// <summary><c>ASIA_KATHMANDU</c>.</summary>
    public static readonly CouponTimeZone AsiaKathmandu = new("ASIA_KATHMANDU");

    /// <summary><c>ASIA_ALMATY</c>.</summary>
    public static readonly CouponTimeZone AsiaAlmaty = new("ASIA_ALMATY");

    /// <summary><c>ASIA_RANGOON</c>.</summary>
    public static readonly CouponTimeZone AsiaRangoon = new("ASIA_RANGOON");

    /// <summary><c>ASIA_BANGKOK</c>.</summary>
    public static readonly CouponTimeZone AsiaBangkok = new("ASIA_BANGKOK");

    /// <summary><c>ASIA_TAIPEI</c>.</summary>
    public static readonly CouponTimeZone AsiaTaipei = new("ASIA_TAIPEI");

    /// <summary><c>ASIA_TOKYO</c>.</summary>
    public static readonly CouponTimeZone AsiaTokyo = new("ASIA_TOKYO");

    /// <summary><c>AUSTRALIA_DARWIN</c>.</summary>
    public static readonly CouponTimeZone AustraliaDarwin = new("AUSTRALIA_DARWIN");

    /// <summary><c>AUSTRALIA_SYDNEY</c>.</summary>
    public static readonly CouponTimeZone AustraliaSydney = new("AUSTRALIA_SYDNEY");

    /// <summary><c>ASIA_VLADIVOSTOK</c>.</summary>
    public static readonly CouponTimeZone AsiaVladivostok = new("ASIA_VLADIVOSTOK");

    /// <summary><c>ETC_GMT_PLUS_12</c>.</summary>
    public static readonly CouponTimeZone EtcGmtPlus12 = new("ETC_GMT_PLUS_12");

    /// <summary><c>PACIFIC_TONGATAPU</c>.</summary>
    public static readonly CouponTimeZone PacificTongatapu = new("PACIFIC_TONGATAPU");

    /// <summary>Wraps a value read from LINE.</summary>
    /// <param name="value">The value.</param>
    public static CouponTimeZone From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>How users get a coupon. An open set: a value LINE adds later is kept in <see cref="Value"/>, not thrown on.</summary>
/// <param name="Value">The value as LINE spells it.</param>
[JsonConverter(typeof(LineStringValueConverter<CouponAcquisitionType>))]
public readonly record struct CouponAcquisitionType(string Value) : ILineStringValue<CouponAcquisitionType>
{
    /// <summary><c>normal</c>.</summary>
    public static readonly CouponAcquisitionType Normal = new("normal");

    /// <summary><c>lottery</c>.</summary>
    public static readonly CouponAcquisitionType Lottery = new("lottery");

    /// <summary><c>referral</c>.</summary>
    public static readonly CouponAcquisitionType Referral = new("referral");

    /// <summary>Wraps a value read from LINE.</summary>
    /// <param name="value">The value.</param>
    public static CouponAcquisitionType From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>What a coupon gives. An open set: a value LINE adds later is kept in <see cref="Value"/>, not thrown on.</summary>
/// <param name="Value">The value as LINE spells it.</param>
[JsonConverter(typeof(LineStringValueConverter<CouponRewardType>))]
public readonly record struct CouponRewardType(string Value) : ILineStringValue<CouponRewardType>
{
    /// <summary><c>cashBack</c>.</summary>
    public static readonly CouponRewardType CashBack = new("cashBack");

    /// <summary><c>discount</c>.</summary>
    public static readonly CouponRewardType Discount = new("discount");

    /// <summary><c>free</c>.</summary>
    public static readonly CouponRewardType Free = new("free");

    /// <summary><c>gift</c>.</summary>
    public static readonly CouponRewardType Gift = new("gift");

    /// <summary><c>others</c>.</summary>
    public static readonly CouponRewardType Others = new("others");

    /// <summary>Wraps a value read from LINE.</summary>
    /// <param name="value">The value.</param>
    public static CouponRewardType From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>How a cash-back or discount is stated. An open set: a value LINE adds later is kept in <see cref="Value"/>, not thrown on.</summary>
/// <param name="Value">The value as LINE spells it.</param>
[JsonConverter(typeof(LineStringValueConverter<CouponPriceInfoType>))]
public readonly record struct CouponPriceInfoType(string Value) : ILineStringValue<CouponPriceInfoType>
{
    /// <summary><c>fixed</c>.</summary>
    public static readonly CouponPriceInfoType Fixed = new("fixed");

    /// <summary><c>percentage</c>.</summary>
    public static readonly CouponPriceInfoType Percentage = new("percentage");

    /// <summary><c>explicit</c>.</summary>
    public static readonly CouponPriceInfoType Explicit = new("explicit");

    /// <summary>Wraps a value read from LINE.</summary>
    /// <param name="value">The value.</param>
    public static CouponPriceInfoType From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The currency of a fixed cash-back or discount. An open set: a value LINE adds later is kept in <see cref="Value"/>, not thrown on.</summary>
/// <param name="Value">The value as LINE spells it.</param>
[JsonConverter(typeof(LineStringValueConverter<CouponCurrency>))]
public readonly record struct CouponCurrency(string Value) : ILineStringValue<CouponCurrency>
{
    /// <summary><c>JPY</c>.</summary>
    public static readonly CouponCurrency Jpy = new("JPY");

    /// <summary><c>THB</c>.</summary>
    public static readonly CouponCurrency Thb = new("THB");

    /// <summary><c>TWD</c>.</summary>
    public static readonly CouponCurrency Twd = new("TWD");

    /// <summary>Wraps a value read from LINE.</summary>
    /// <param name="value">The value.</param>
    public static CouponCurrency From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
