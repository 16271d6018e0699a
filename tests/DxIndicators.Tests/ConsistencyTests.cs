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
