import type { HTMLAttributes, ReactNode } from 'react'

interface NoticeProps extends Omit<HTMLAttributes<HTMLDivElement>, 'className'> {
  color: 'success' | 'danger' | 'warning' | 'info'
  children: ReactNode
}

/**
 * A Bootstrap Italia alert box. Plain markup rather than the kit's Alert, whose reactstrap
 * Fade is of no use for a message that is simply there, and which sets role="alert" on every
 * box: here the caller chooses whether the message interrupts (role="alert") or not.
 */
export function Notice({ color, children, ...attributes }: NoticeProps) {
  return (
    <div className={`alert alert-${color}`} {...attributes}>
      {children}
    </div>
  )
}
