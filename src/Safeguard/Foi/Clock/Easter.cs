namespace Safeguard.Foi.Clock;

/// <summary>Easter Sunday in the Gregorian calendar, so Good Friday is known even in a year the feed leaves it out.</summary>
internal static class Easter
{
    /// <summary>
    /// Easter Sunday of <paramref name="year"/> by the anonymous Gregorian computus (the "Meeus/Jones/Butcher"
    /// algorithm): the first Sunday after the ecclesiastical full moon on or after 21 March.
    /// </summary>
    public static DateOnly Sunday(int year)
    {
        var golden = year % 19;                     // position in the 19-year Metonic cycle
        var century = year / 100;
        var yearOfCentury = year % 100;
        var leapCenturies = century / 4;
        var centuryRemainder = century % 4;
        var lunarCorrection = (century + 8) / 25;
        var moonCorrection = (century - lunarCorrection + 1) / 3;
        var epact = ((19 * golden) + century - leapCenturies - moonCorrection + 15) % 30;
        var leapYears = yearOfCentury / 4;
        var yearRemainder = yearOfCentury % 4;
        var weekday = (32 + (2 * centuryRemainder) + (2 * leapYears) - epact - yearRemainder) % 7;
        var correction = (golden + (11 * epact) + (22 * weekday)) / 451;
        var monthAndDay = epact + weekday - (7 * correction) + 114;
        return new DateOnly(year, monthAndDay / 31, (monthAndDay % 31) + 1);
    }

    /// <summary>Good Friday: two days before Easter Sunday.</summary>
    public static DateOnly GoodFriday(int year) => Sunday(year).AddDays(-2);
}
