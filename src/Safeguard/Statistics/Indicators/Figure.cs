using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Indicators;

/// <summary>
/// A number with its status, for arithmetic on figures. The result of any operation carries the weakest status of
/// its inputs, with bounds followed through the arithmetic:
/// <list type="bullet">
/// <item>an input without a value (suppressed, not held, not applicable) gives a result without one, with that status
/// (not applicable before not held before suppressed when several are missing);</item>
/// <item>otherwise estimated wins over bounds, and bounds over exact;</item>
/// <item>a lower bound stays a lower bound where it is added, and becomes an upper bound where it is subtracted or
/// divided by (and the other way round); bounds that end up pointing both ways give an estimate.</item>
/// </list>
/// Division assumes non-negative counts, which is what the statistics hold.
/// </summary>
internal readonly record struct Figure(decimal? Value, ObservationStatus Status)
{
    /// <summary>An exact figure.</summary>
    public static Figure Exact(decimal value) => new(value, ObservationStatus.Exact);

    /// <summary>A figure with no value, e.g. because an input was missing.</summary>
    public static Figure Missing(ObservationStatus status) => new(null, status);

    /// <summary>Whether a number is present.</summary>
    public bool HasValue => Value is not null && Status.HasValue();

    public static Figure operator +(Figure left, Figure right) => Combine(left, right, Direction.Same, (a, b) => a + b);

    public static Figure operator -(Figure left, Figure right) => Combine(left, right, Direction.Reversed, (a, b) => a - b);

    public static Figure operator /(Figure left, Figure right)
    {
        if (left.HasValue && right.HasValue && right.Value == 0)
        {
            return Missing(ObservationStatus.NotApplicable);
        }
        return Combine(left, right, Direction.Reversed, (a, b) => a / b);
    }

    /// <summary>Named alternative to the + operator.</summary>
    public static Figure Add(Figure left, Figure right) => left + right;

    /// <summary>Named alternative to the - operator.</summary>
    public static Figure Subtract(Figure left, Figure right) => left - right;

    /// <summary>Named alternative to the / operator.</summary>
    public static Figure Divide(Figure left, Figure right) => left / right;

    /// <summary>Multiplies by an exact constant (e.g. 100 for a rate per 100); a positive factor keeps the bound's direction.</summary>
    public Figure Times(decimal factor) => HasValue
        ? new(Value * factor, factor >= 0 ? Status : Flip(Status))
        : this;

    private enum Direction { Same, Reversed }

    private static Figure Combine(Figure left, Figure right, Direction rightDirection, Func<decimal, decimal, decimal> operation)
    {
        if (!left.HasValue || !right.HasValue)
        {
            return Missing(WeakestMissing(left, right));
        }
        var rightStatus = rightDirection == Direction.Reversed ? Flip(right.Status) : right.Status;
        return new(operation(left.Value!.Value, right.Value!.Value), CombineBounds(left.Status, rightStatus));
    }

    private static ObservationStatus WeakestMissing(Figure left, Figure right)
    {
        ObservationStatus[] order = [ObservationStatus.NotApplicable, ObservationStatus.NotHeld, ObservationStatus.NotAvailable, ObservationStatus.Suppressed];
        foreach (var status in order)
        {
            if ((!left.HasValue && left.Status == status) || (!right.HasValue && right.Status == status))
            {
                return status;
            }
        }
        // A figure claiming a value-carrying status without a number: treat as not held rather than invent one.
        return ObservationStatus.NotHeld;
    }

    private static ObservationStatus CombineBounds(ObservationStatus left, ObservationStatus right)
    {
        if (left == ObservationStatus.Estimated || right == ObservationStatus.Estimated)
        {
            return ObservationStatus.Estimated;
        }
        if (left == ObservationStatus.Exact)
        {
            return right;
        }
        if (right == ObservationStatus.Exact || left == right)
        {
            return left;
        }
        return ObservationStatus.Estimated;
    }

    private static ObservationStatus Flip(ObservationStatus status) => status switch
    {
        ObservationStatus.AtLeast => ObservationStatus.AtMost,
        ObservationStatus.AtMost => ObservationStatus.AtLeast,
        _ => status,
    };
}
