package com.labelmint.platform.events.outbox;

import com.labelmint.platform.events.DomainEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Hands an event to each of its {@code @Observes} methods, one transaction per listener, with an
 * inbox record in that transaction so that a redelivered event does not run a listener twice.
 *
 * <p>Plain {@code Event.fire} would run every observer in one go: one throwing observer would stop
 * the rest and nobody could tell which had run. Resolving the observers and notifying each one
 * separately is what makes "a throwing observer is retried, the others are not run twice" true.
 */
@ApplicationScoped
public class ListenerDispatcher {

    private static final Logger LOG = Logger.getLogger(ListenerDispatcher.class);

    private final BeanManager beanManager;
    private final InboxStore inbox;
    private final Map<Class<?>, List<Listener>> listenersByEventClass = new ConcurrentHashMap<>();

    ListenerDispatcher(BeanManager beanManager, InboxStore inbox) {
        this.beanManager = beanManager;
        this.inbox = inbox;
    }

    /**
     * Delivers the event to every listener that has not handled it yet.
     *
     * @return the failures, empty when every listener has now handled the event
     */
    public List<String> dispatch(DomainEvent event) {
        List<String> failures = new ArrayList<>();
        for (Listener listener : listenersOf(event)) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (inbox.claim(listener.id(), event.eventId())) {
                        listener.observer().notify(new Context<>(event));
                    }
                });
            } catch (RuntimeException e) {
                Throwable cause = e instanceof QuarkusTransactionException && e.getCause() != null ? e.getCause() : e;
                LOG.debugf(cause, "Listener %s failed on event %s", listener.id(), event.eventId());
                failures.add(listener.id() + ": " + cause);
            }
        }
        return failures;
    }

    private List<Listener> listenersOf(DomainEvent event) {
        return listenersByEventClass.computeIfAbsent(event.getClass(), type -> resolve(event));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Listener> resolve(DomainEvent event) {
        Set<ObserverMethod<? super DomainEvent>> observers = beanManager.resolveObserverMethods(event);
        List<Listener> listeners = new ArrayList<>();
        for (ObserverMethod<? super DomainEvent> observer : observers) {
            if (observer.isAsync() || !DomainEvent.class.isAssignableFrom(rawType(observer.getObservedType()))) {
                continue; // framework observers of Object, or async observers, are not event-bus listeners
            }
            String id = observer.getBeanClass().getName() + "#" + rawType(observer.getObservedType()).getSimpleName();
            if (listeners.stream().anyMatch(known -> known.id().equals(id))) {
                throw new IllegalStateException(observer.getBeanClass().getName()
                        + " observes " + id + " twice; its inbox could not tell the two apart");
            }
            listeners.add(new Listener(id, (ObserverMethod) observer));
        }
        listeners.sort(Comparator.comparing(Listener::id));
        return List.copyOf(listeners);
    }

    private static Class<?> rawType(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return rawType(p.getRawType());
        }
        return Object.class;
    }

    private record Listener(String id, ObserverMethod<DomainEvent> observer) {
    }

    private record Context<T>(T event) implements EventContext<T>, EventMetadata {
        @Override
        public T getEvent() {
            return event;
        }

        @Override
        public EventMetadata getMetadata() {
            return this;
        }

        @Override
        public Set<Annotation> getQualifiers() {
            return Set.of();
        }

        @Override
        public InjectionPoint getInjectionPoint() {
            return null;
        }

        @Override
        public Type getType() {
            return event.getClass();
        }
    }
}
