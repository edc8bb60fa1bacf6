package dev.gradproof.properties.kit;

import net.jqwik.api.Example;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules are one enumerable list: each names one property of the kit, and each property verifies one rule. */
class RuleTest {

    /** The properties of the kit, over the classes it is split into by theme. */
    private static List<Method> properties() {
        List<Method> all = new java.util.ArrayList<>();
        for (Class<?> c = AutogradContract.class; c != Object.class; c = c.getSuperclass()) {
            Arrays.stream(c.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(Property.class) || m.isAnnotationPresent(Example.class))
                    .forEach(all::add);
        }
        return all;
    }

    @Test
    void everyPropertyOfTheKitVerifiesTheRuleThatNamesIt() {
        for (Method property : properties()) {
            assertThat(property.getAnnotation(Verifies.class)).as(property.getName() + " has @Verifies").isNotNull();
            Rule rule = property.getAnnotation(Verifies.class).value();
            assertThat(rule.property()).as("the rule of " + property.getName()).isEqualTo(property.getName());
        }
    }

    @Test
    void everyRuleNamesAPropertyOfTheKit() {
        Set<String> names = new HashSet<>(properties().stream().map(Method::getName).toList());
        for (Rule rule : Rule.values()) {
            assertThat(names).as(rule.id()).contains(rule.property());
            assertThat(Rule.ofProperty(rule.property())).contains(rule);
        }
        assertThat(properties()).hasSize(Rule.values().length);
    }

    @Test
    void idsAreStableStringsOfTheirTheme() {
        assertThat(Rule.KIT_101.id()).isEqualTo("KIT-101");
        assertThat(Rule.KIT_902.label()).startsWith("KIT-902 chains and diamonds");
        for (Rule rule : Rule.values()) {
            assertThat(rule.id()).matches("KIT-[1-9]0[1-9]");
            assertThat(rule.statement()).doesNotContain("\n").isNotBlank();
        }
    }
}
