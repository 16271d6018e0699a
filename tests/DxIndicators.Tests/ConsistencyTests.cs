using System.Reflection;
using System.Runtime.CompilerServices;
using DxIndicators.Model;

namespace DxIndicators.Tests;

/// <summary>Walks every public type of the package and checks the API conventions (idea: NodaTime's ConsistencyTest).</summary>
public class ConsistencyTests
{
    private static readonly Type[] PublicTypes = typeof(Framework).Assembly.GetExportedTypes();

    [Fact]
    public void PublicClasses_AreSealedStaticOrAbstract()
    {
        var offenders = PublicTypes
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();
        offenders.Should().BeEmpty("public classes must be sealed, static or abstract");
    }

    [Fact]
    public void PublicStructs_AreReadOnly()
    {
        var offenders = PublicTypes
            .Where(t => t.IsValueType && !t.IsEnum && t.GetCustomAttribute<IsReadOnlyAttribute>() is null)
            .Select(t => t.FullName)
            .ToList();
        offenders.Should().BeEmpty("public structs must be readonly");
    }

    [Fact]
    public void EquatableTypes_DefineEqualityOperators()
    {
        var offenders = PublicTypes
            .Where(t => !t.IsEnum && !t.IsInterface && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>) && i.GetGenericArguments()[0] == t))
            .Where(t => t.GetMethod("op_Equality", BindingFlags.Public | BindingFlags.Static) is null)
            .Select(t => t.FullName)
            .ToList();
        offenders.Should().BeEmpty("types implementing IEquatable<T> must define ==");
    }

    [Fact]
    public void PublicClasses_HaveNoPublicSetters()
    {
        var offenders = PublicTypes
            .Where(t => !t.IsEnum && !t.IsInterface)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
                .Select(p => $"{t.FullName}.{p.Name}"))
            .ToList();
        offenders.Should().BeEmpty("public types are immutable: init-only or no setters");
    }

    [Fact]
    public void PublicTypes_DoNotExposeDateTime()
    {
        var offenders = PublicTypes
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => MemberTypes(m).Any(x => x == typeof(DateTime) || x == typeof(DateTime?) || x == typeof(DateTimeOffset)))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}")
            .ToList();
        offenders.Should().BeEmpty("domain dates use NodaTime types");
    }

    [Fact]
    public void ValidatedTypes_HaveNoPublicPositionalConstructorBeyondTheKnownOnes()
    {
        // A validated type is one FrameworkValidator takes (or a subtype of one). A public positional constructor and
        // `with` build an instance the validator never saw. The known ones (issue 16, "types that guard themselves")
        // are listed so that none is added; the list only shrinks: remove a type from it when it stops being a
        // positional record.
        string[] known = []; // emptied by issue 16: every validated type is a class with no `with`.
        Type validator = typeof(Framework).Assembly.GetType("DxIndicators.Model.FrameworkValidator", throwOnError: true)!;
        var taken = validator.GetMethods(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static)
            .SelectMany(m => m.GetParameters())
            .Select(p => p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType)
            .Where(t => t.IsPublic && t.Namespace == "DxIndicators.Model" && !t.IsEnum)
            .ToHashSet();
        var validated = PublicTypes.Where(t => taken.Any(v => v == t || t.IsSubclassOf(v))).ToList();
        validated.Should().Contain(typeof(IndicatorDefinition), "the walk must find the validator's inputs");
        validated.Should().Contain(typeof(NodeLink), "a link's weight and points are validated (FrameworkValidator.ValidateLink), so a link is a validated type");
        var offenders = validated
            .Where(t => t.GetMethod("<Clone>$") is not null && t.GetConstructors().Any(c => c.GetParameters().Length > 0))
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToList();
        offenders.Except(known).Should().BeEmpty("a validated type validates in its constructor or has no public positional constructor");
        known.Except(offenders).Should().BeEmpty("a type that no longer is a positional record leaves the known list");
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static IEnumerable<Type> MemberTypes(MemberInfo member) => member switch
    {
        PropertyInfo p => [p.PropertyType],
        FieldInfo f => [f.FieldType],
        MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
        ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
        _ => [],
    };
}
