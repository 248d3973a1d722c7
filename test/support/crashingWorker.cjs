// A parser worker that crashes as soon as it starts: the pool must parse its batch itself.
throw new Error('worker crashed on purpose');
