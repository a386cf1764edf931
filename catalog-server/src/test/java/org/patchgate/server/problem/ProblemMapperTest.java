package org.patchgate.server.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void problemException_keepsStatusTypeAndFieldErrors() {
        Problem p = mapper.toProblem(ProblemException.invalid("role", "must be admin"), "/api/v1/users");
        assertEquals(400, p.status());
        assertEquals(Problem.TYPE_BASE + "invalid-input", p.type());
        assertEquals("role", p.errors().get(0).field());
    }

    @Test
    void wrappedProblemException_isFound() {
        Problem p = mapper.toProblem(new RuntimeException(new jakarta.ejb.EJBException(ProblemException.notFound("user 'x'"))), "/x");
        assertEquals(404, p.status());
        assertEquals("user 'x' does not exist", p.detail());
    }

    @Test
    void unexpectedError_is500WithIncidentId_andLeaksNothing() {
        Problem p = mapper.toProblem(new IllegalStateException("password=hunter2 in a SQL string"), "/x");
        assertEquals(500, p.status());
        assertTrue(p.detail().contains("incident"));
        assertFalse(p.detail().contains("hunter2"));
    }
}
