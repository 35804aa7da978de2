using System.Runtime.CompilerServices;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Tests.Platform.Web.Forms;

/// <summary>
/// A page that lists its fields in its own order for the error summary names every field it binds, once: a field left
/// out would be listed last, wherever the form shows it.
/// </summary>
public sealed class OrderedFormTests
{
    public static TheoryData<string> OrderedForms() =>
        [.. typeof(FormErrors).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(IOrderedForm).IsAssignableFrom(t)).Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(OrderedForms))]
    public void FieldOrder_NamesEveryBoundFieldOnce(string form)
    {
        var type = typeof(FormErrors).Assembly.GetType(form)!;
        // The order is the page's, whatever it was built with: an instance without its services suffices to read it.
        var ordered = (IOrderedForm)RuntimeHelpers.GetUninitializedObject(type);

        ordered.FieldOrder.ShouldBe(FormErrors.BoundFields(type), ignoreOrder: true);
        ordered.FieldOrder.Distinct(StringComparer.Ordinal).Count().ShouldBe(ordered.FieldOrder.Count);
    }

    [Fact]
    public void OrderedForms_AreThere()
    {
        OrderedForms().Count.ShouldBeGreaterThan(0, "Record a referral lists its fields in its own order");
    }
}
