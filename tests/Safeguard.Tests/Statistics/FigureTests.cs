using FsCheck;
using FsCheck.Fluent;
using Safeguard.Statistics.Indicators;
using Safeguard.Statistics.Model;

namespace Safeguard.Tests.Statistics;

public sealed class FigureTests
{
    private static Figure F(decimal value, ObservationStatus status = ObservationStatus.Exact) => new(value, status);

    [Fact]
    public void Add_ExactFigures_IsExactSum() => (F(74) + F(35)).ShouldBe(F(109));

    [Fact]
    public void Add_LowerBoundAndExact_StaysALowerBound() =>
        (F(1340, ObservationStatus.AtLeast) + F(25)).ShouldBe(F(1365, ObservationStatus.AtLeast));

    [Fact]
    public void Add_LowerAndUpperBound_IsOnlyAnEstimate() =>
        (F(10, ObservationStatus.AtLeast) + F(4, ObservationStatus.AtMost)).Status.ShouldBe(ObservationStatus.Estimated);

    [Fact]
    public void Subtract_LowerBound_GivesUpperBound() =>
        (F(100) - F(25, ObservationStatus.AtLeast)).ShouldBe(F(75, ObservationStatus.AtMost));

    [Fact]
    public void Divide_ByLowerBound_GivesUpperBound() =>
        (F(1292) / F(100, ObservationStatus.AtLeast)).Status.ShouldBe(ObservationStatus.AtMost);

    [Fact]
    public void Divide_LowerBoundByExact_StaysALowerBound() =>
        (F(1340, ObservationStatus.AtLeast) / F(20604)).Status.ShouldBe(ObservationStatus.AtLeast);

    [Fact]
    public void Divide_ByZero_IsNotApplicableAndHasNoValue()
    {
        var result = F(5) / F(0);
        result.HasValue.ShouldBeFalse();
        result.Status.ShouldBe(ObservationStatus.NotApplicable);
    }

    [Theory]
    [InlineData(nameof(ObservationStatus.Suppressed))]
    [InlineData(nameof(ObservationStatus.NotHeld))]
    [InlineData(nameof(ObservationStatus.NotApplicable))]
    public void AnyOperation_WithAMissingInput_HasNoValueAndCarriesItsStatus(string missingName)
    {
        var missing = Enum.Parse<ObservationStatus>(missingName);
        var absent = Figure.Missing(missing);
        foreach (var result in new[] { F(1) + absent, absent - F(1), F(1) / absent, absent.Times(100) })
        {
            result.HasValue.ShouldBeFalse();
            result.Value.ShouldBeNull();
            result.Status.ShouldBe(missing);
        }
    }

    [Fact]
    public void Add_SuppressedAndNotHeld_ReportsNotHeldAsTheWeaker() =>
        (Figure.Missing(ObservationStatus.Suppressed) + Figure.Missing(ObservationStatus.NotHeld)).Status.ShouldBe(ObservationStatus.NotHeld);

    [Fact]
    public void Times_ByPositiveConstant_KeepsStatus() =>
        F(8, ObservationStatus.AtLeast).Times(100).ShouldBe(F(800, ObservationStatus.AtLeast));

    private static readonly ObservationStatus[] Ranked =
    [
        ObservationStatus.Exact, ObservationStatus.AtLeast, ObservationStatus.AtMost, ObservationStatus.Estimated,
        ObservationStatus.Suppressed, ObservationStatus.NotHeld, ObservationStatus.NotApplicable,
    ];

    /// <summary>The result is never more certain than its least certain input.</summary>
    [FsCheck.Xunit.Property]
    public Property Add_NeverStrongerThanWeakestInput() =>
        Prop.ForAll(Gen.Elements(Ranked).ToArbitrary(), Gen.Elements(Ranked).ToArbitrary(), (a, b) =>
        {
            var result = new Figure(a.HasValue() ? 3 : null, a) + new Figure(b.HasValue() ? 4 : null, b);
            return Weakness(result.Status) >= Math.Max(Weakness(a), Weakness(b));
        });

    private static int Weakness(ObservationStatus status) => status switch
    {
        ObservationStatus.Exact => 0,
        ObservationStatus.AtLeast or ObservationStatus.AtMost => 1,
        ObservationStatus.Estimated => 2,
        _ => 3,
    };
}
